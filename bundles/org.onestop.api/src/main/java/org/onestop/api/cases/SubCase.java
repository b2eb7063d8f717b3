package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * One department's part of a joint case (联办子件), with its own clock, running beside the others.
 *
 * @param number       the parent's number with {@code -J} and the part's position, for example
 *                     {@code 340522-20261128-0001-J2}
 * @param departmentId the department asked
 * @param limitDays    its limit in working days
 * @param startedOn    the day it started (the parent's acceptance)
 * @param deadline     the day it must answer by
 * @param state        pending, consented or objected
 * @param rule         how the answer came about (answered, 超时默认 or 缺席默认); null while pending
 * @param answeredBy   who answered, or {@code system} for a default; null while pending
 * @param answeredOn   the day of the answer; null while pending
 * @param opinion      the department's opinion, or the rule that applied
 */
public record SubCase(String number, String departmentId, int limitDays, LocalDate startedOn, LocalDate deadline,
        SubCaseState state, ConsentRule rule, String answeredBy, LocalDate answeredOn, String opinion) {
}
