package org.onestop.api.catalog;

/** The administrative level of a center (中心层级). */
public enum CenterLevel {
    /** 省级 */
    PROVINCE("省级"),
    /** 市级 */
    CITY("市级"),
    /** 县级 */
    COUNTY("县级"),
    /** 乡镇 */
    TOWN("乡镇");

    private final String label;

    CenterLevel(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
