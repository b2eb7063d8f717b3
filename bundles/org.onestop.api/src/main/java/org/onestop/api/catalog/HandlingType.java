package org.onestop.api.catalog;

/** How a case of an item is handled (办件类型). */
public enum HandlingType {
    /** 即办件: decided and concluded on the spot, the same day. */
    IMMEDIATE("即办件"),
    /** 承诺件: concluded within the promised working days. */
    PROMISED("承诺件"),
    /** 联办件: several departments in parallel (并联审批). */
    JOINT("联办件"),
    /** 上报件: forwarded to a higher-level center. */
    REPORTED("上报件");

    private final String label;

    HandlingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
