package org.onestop.api.catalog;

/** The form in which a material is submitted (材料形式). */
public enum MaterialForm {
    /** 原件 */
    ORIGINAL("原件"),
    /** 复印件 */
    COPY("复印件"),
    /** 电子件 */
    ELECTRONIC("电子件");

    private final String label;

    MaterialForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
