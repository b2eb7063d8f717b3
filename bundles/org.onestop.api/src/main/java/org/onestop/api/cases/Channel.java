package org.onestop.api.cases;

/** How an application reached the center (申请渠道). */
public enum Channel {
    /** 窗口 */
    WINDOW("窗口"),
    /** 网上申请 */
    ONLINE("网上申请"),
    /** 代办点 */
    AGENCY_POINT("代办点");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
