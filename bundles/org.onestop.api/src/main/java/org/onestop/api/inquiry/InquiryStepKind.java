package org.onestop.api.inquiry;

/** What happened to an inquiry. */
public enum InquiryStepKind {
    /** 首问登记 */
    OPENED("首问登记"),
    /** 转交 */
    HANDED_OVER("转交"),
    /** 办结 */
    CLOSED("办结");

    private final String label;

    InquiryStepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
