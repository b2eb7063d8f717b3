package org.onestop.api.cases;

/** What is wrong with a material (材料问题). */
public enum ProblemKind {
    /** 缺少 */
    MISSING("缺少"),
    /** 形式不符 */
    WRONG_FORM("形式不符"),
    /** 份数不足 */
    TOO_FEW_COPIES("份数不足"),
    /** 内容不符合要求 */
    NOT_COMPLIANT("内容不符合要求");

    private final String label;

    ProblemKind(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
