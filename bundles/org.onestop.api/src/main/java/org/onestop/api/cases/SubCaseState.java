package org.onestop.api.cases;

/** Where a department's part of a joint case stands (联办子件状态). */
public enum SubCaseState {
    /** 待答复 */
    PENDING("待答复"),
    /** 同意 */
    CONSENTED("同意"),
    /** 不同意 */
    OBJECTED("不同意");

    private final String label;

    SubCaseState(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
