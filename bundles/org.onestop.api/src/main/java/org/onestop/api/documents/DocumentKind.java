package org.onestop.api.documents;

/** The kinds of document a case act issues (文书种类). */
public enum DocumentKind {
    /** 一次性告知书 (补正材料通知书): every missing or wrong material, at once. */
    ONE_TIME_NOTICE("补正材料一次性告知书"),
    /** 受理通知书 */
    ACCEPTANCE("受理通知书"),
    /** 不予受理通知书 */
    REFUSAL("不予受理通知书"),
    /** 特别程序告知书: a special procedure whose time is not counted. */
    SPECIAL_PROCEDURE("特别程序告知书"),
    /** 延长期限通知书 */
    EXTENSION("延长审批期限通知书"),
    /** 准予许可决定书 */
    APPROVAL("准予许可决定书"),
    /** 不予许可决定书 */
    DENIAL("不予许可决定书"),
    /** 送达回证 */
    DELIVERY("送达回证"),
    /** 退回件通知书 */
    WITHDRAWAL("退回件通知书");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    /** The document's standard title. */
    public String title() {
        return title;
    }
}
