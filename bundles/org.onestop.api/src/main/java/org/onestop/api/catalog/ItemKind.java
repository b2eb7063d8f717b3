package org.onestop.api.catalog;

/** The category an item belongs to (事项类型). */
public enum ItemKind {
    /** 行政许可 */
    ADMINISTRATIVE_LICENSE("行政许可"),
    /** 非行政许可审批 */
    NON_LICENSE_APPROVAL("非行政许可"),
    /** 公共服务 */
    PUBLIC_SERVICE("公共服务"),
    /** 中介服务 */
    INTERMEDIARY_SERVICE("中介服务"),
    /** 其他 */
    OTHER("其他");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
