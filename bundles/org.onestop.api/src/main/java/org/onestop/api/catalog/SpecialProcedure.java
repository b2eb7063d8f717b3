package org.onestop.api.catalog;

/** A special procedure (特别程序) that pauses the clock; its time is not counted in the limit. */
public enum SpecialProcedure {
    /** 现场踏勘 */
    SITE_SURVEY("现场踏勘"),
    /** 专家评审 */
    EXPERT_REVIEW("专家评审"),
    /** 听证 */
    HEARING("听证"),
    /** 检验检测 */
    INSPECTION("检验检测"),
    /** 公示 */
    PUBLICITY("公示");

    private final String label;

    SpecialProcedure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
