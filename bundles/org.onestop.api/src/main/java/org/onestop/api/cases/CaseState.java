package org.onestop.api.cases;

/** Where a case stands (办件状态). */
public enum CaseState {
    /** 已收件: received; materials being checked, the clock not started */
    RECEIVED("已收件"),
    /** 待补正: a one-time notice is out; waiting for the applicant to supplement */
    SUPPLEMENTING("待补正"),
    /** 已受理: accepted; the clock runs through the item's steps */
    ACCEPTED("已受理"),
    /** 特别程序中: a special procedure is under way; the clock stands still */
    PAUSED("特别程序中"),
    /** 已上报: forwarded to the higher-level center, which decides */
    REPORTED("已上报"),
    /** 已决定: approved or denied; waiting for delivery */
    DECIDED("已决定"),
    /** 已送达: the decision reached the applicant */
    DELIVERED("已送达"),
    /** 已办结: concluded */
    CONCLUDED("已办结"),
    /** 不予受理: not accepted; ended */
    REFUSED("不予受理"),
    /** 已退回: withdrawn at the applicant's request (退回件); ended */
    WITHDRAWN("已退回");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }

    /** True when no act can follow: concluded, refused or withdrawn. */
    public boolean ended() {
        return this == CONCLUDED || this == REFUSED || this == WITHDRAWN;
    }
}
