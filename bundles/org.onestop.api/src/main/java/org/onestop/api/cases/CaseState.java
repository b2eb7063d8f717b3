package org.onestop.api.cases;

/** Where a case stands (办件状态). */
public enum CaseState {
    /** 已收件: received, materials being checked, the clock not started. */
    RECEIVED("已收件"),
    /** 已受理: accepted, the clock runs. */
    ACCEPTED("已受理"),
    /** 已办结: concluded. */
    CONCLUDED("已办结");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
