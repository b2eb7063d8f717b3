package org.onestop.api.catalog;

/**
 * A counter of a department in the hall (窗口).
 *
 * @param code the window's number as shown above it, for example {@code A12}
 * @param name what the window does, for example {@code 企业登记}
 */
public record Window(String code, String name) {
}
