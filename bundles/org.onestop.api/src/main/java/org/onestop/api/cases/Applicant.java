package org.onestop.api.cases;

import org.onestop.api.id.Masks;

/**
 * The applicant of a case (申请人).
 *
 * @param type     person or organization
 * @param name     the person's or the organization's name
 * @param idNumber resident ID for a person, unified social credit code for an organization
 * @param phone    a contact phone; may be null
 */
public record Applicant(ApplicantType type, String name, String idNumber, String phone) {

    /**
     * This applicant as every public view shows it: a person's name and all identifiers masked. An
     * organization's name is public (it is on its business licence); its code is masked all the same.
     */
    public Applicant masked() {
        String shownName = type == ApplicantType.PERSON ? Masks.personName(name) : name;
        return new Applicant(type, shownName, Masks.idNumber(idNumber), Masks.phone(phone));
    }
}
