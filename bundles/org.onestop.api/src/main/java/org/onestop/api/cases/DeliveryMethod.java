package org.onestop.api.cases;

/** How a decision reaches the applicant (送达方式). */
public enum DeliveryMethod {
    /** 窗口领取 */
    WINDOW("窗口领取"),
    /** 邮寄送达 */
    MAIL("邮寄送达"),
    /** 电子送达 */
    ELECTRONIC("电子送达");

    private final String label;

    DeliveryMethod(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
