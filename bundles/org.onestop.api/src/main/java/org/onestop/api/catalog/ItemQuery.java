package org.onestop.api.catalog;

/**
 * A filter over a center's items; every null field matches all.
 *
 * @param departmentId only items of this department
 * @param kind         only items of this kind
 * @param handlingType only items handled this way
 * @param text         only items whose name or code contains this text
 */
public record ItemQuery(String departmentId, ItemKind kind, HandlingType handlingType, String text) {

    /** Matches every item. */
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null);
    }
}
