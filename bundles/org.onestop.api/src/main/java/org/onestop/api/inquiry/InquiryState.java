package org.onestop.api.inquiry;

/** Where an inquiry stands. */
public enum InquiryState {
    /** 处理中: its owner is on it. */
    OPEN("处理中"),
    /** 已办结: answered, or turned into a case. */
    CLOSED("已办结");

    private final String label;

    InquiryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
