package org.onestop.api.cases;

/** The time-limit light of a running case (红黄绿灯). */
public enum Light {
    /** 绿灯: on time. */
    GREEN("绿灯"),
    /** 黄灯: near the deadline (预警). */
    YELLOW("黄灯"),
    /** 红灯: past the deadline (超时). */
    RED("红灯");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
