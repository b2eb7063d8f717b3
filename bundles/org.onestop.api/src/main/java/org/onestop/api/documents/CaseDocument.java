package org.onestop.api.documents;

import java.time.LocalDate;
import java.util.List;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.CaseAct;

/**
 * A notice or decision issued by a case act (文书), with the standard contents of the province's window
 * rules: the center and department, the case number, the applicant, the item, the act, its basis, the date,
 * and the applicant's remedies where they apply. It never changes once issued; {@code digest} is the
 * SHA-256 of its canonical JSON, the stable bytes the approval seal will sign.
 *
 * @param number         the document's number: the case's number, {@code -D} and its position on the case
 * @param kind           what it is
 * @param title          its title, for example 受理通知书 or 准予行政许可决定书
 * @param centerId       the issuing center
 * @param centerName     the center's name
 * @param departmentId   the department deciding the case
 * @param departmentName the department's name
 * @param caseNumber     the case
 * @param applicant      the applicant, as written on the document
 * @param itemCode       the item's code
 * @param itemName       the item's name
 * @param act            the act that issued it
 * @param body           the paragraphs of its text
 * @param bases          the legal bases it rests on
 * @param remedies       the applicant's remedies (复议, 诉讼); empty where none apply
 * @param issuedOn       the day it was issued
 * @param issuedBy       who issued it
 * @param digest         SHA-256 of its canonical JSON, in hex
 */
public record CaseDocument(String number, DocumentKind kind, String title, String centerId, String centerName,
        String departmentId, String departmentName, String caseNumber, Applicant applicant, String itemCode,
        String itemName, CaseAct act, List<String> body, List<String> bases, List<String> remedies,
        LocalDate issuedOn, String issuedBy, String digest) {

    public CaseDocument {
        body = body == null ? List.of() : List.copyOf(body);
        bases = bases == null ? List.of() : List.copyOf(bases);
        remedies = remedies == null ? List.of() : List.copyOf(remedies);
    }

    /** This document as a public view shows it: the applicant masked. The digest stays the issued one's. */
    public CaseDocument masked() {
        return new CaseDocument(number, kind, title, centerId, centerName, departmentId, departmentName, caseNumber,
                applicant == null ? null : applicant.masked(), itemCode, itemName, act, body, bases, remedies,
                issuedOn, issuedBy, digest);
    }
}
