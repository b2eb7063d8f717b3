package org.onestop.api.cases;

/** Whether the applicant is a natural person or an organization. */
public enum ApplicantType {
    /** 自然人, identified by a resident ID (GB 11643). */
    PERSON("自然人"),
    /** 法人或其他组织, identified by a unified social credit code (GB 32100). */
    ORGANIZATION("法人或其他组织");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
