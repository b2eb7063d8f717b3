package org.onestop.api.cases;

/**
 * What the higher-level center says of a reported case (上级办理进度), recorded here so the applicant and
 * the monitor can follow it.
 *
 * @param status    the status in the higher level's words, for example {@code 省厅已受理} (required)
 * @param reference the higher level's reference, when it gives one; may be null
 * @param act       who records it, where and when
 */
public record ReportUpdate(String status, String reference, ActDetails act) {
}
