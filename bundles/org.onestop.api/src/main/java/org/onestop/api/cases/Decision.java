package org.onestop.api.cases;

/** The outcome of a case's decision (审批决定). */
public enum Decision {
    /** 准予许可 */
    APPROVED("准予许可"),
    /** 不予许可 */
    DENIED("不予许可");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
