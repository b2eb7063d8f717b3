package org.onestop.api.cases;

/** An act on a case, each recorded as one event of its timeline. */
public enum CaseAct {
    /** 收件 */
    RECEIVE("收件"),
    /** 受理 */
    ACCEPT("受理"),
    /** 办结 */
    CONCLUDE("办结");

    private final String label;

    CaseAct(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
