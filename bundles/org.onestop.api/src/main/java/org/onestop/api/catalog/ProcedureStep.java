package org.onestop.api.catalog;

/**
 * One step of an item's procedure (办理程序), for example 受理, 审查, 决定, 送达.
 *
 * @param name      the step's name
 * @param role      who does it, for example {@code 窗口受理人员}
 * @param limitDays the step's own limit in working days (0 = same day)
 */
public record ProcedureStep(String name, String role, int limitDays) {
}
