package org.onestop.api.cases;

/** Where a request for an extension stands (延期申请状态). */
public enum ExtensionStatus {
    /** 待批准 */
    REQUESTED("待批准"),
    /** 已批准 */
    APPROVED("已批准"),
    /** 不予批准 */
    REJECTED("不予批准");

    private final String label;

    ExtensionStatus(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
