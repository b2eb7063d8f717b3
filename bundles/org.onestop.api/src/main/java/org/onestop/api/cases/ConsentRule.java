package org.onestop.api.cases;

/** How a department's answer to a joint case came about (意见来源). */
public enum ConsentRule {
    /** 部门答复: the department answered */
    ANSWERED("部门答复"),
    /** 超时默认: no answer when its time was up: taken to consent */
    TIMEOUT_DEFAULT("超时默认"),
    /** 缺席默认: absent from the joint review meeting: taken to consent */
    ABSENCE_DEFAULT("缺席默认");

    private final String label;

    ConsentRule(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
