package org.onestop.api.cases;

/**
 * Forwarding a reported item's case to the higher-level center (上报), which decides it.
 *
 * @param reference the higher level's reference for it, when already known; may be null
 * @param act       who forwards it, where and when
 */
public record ReportRequest(String reference, ActDetails act) {
}
