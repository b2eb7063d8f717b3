package org.onestop.api.catalog;

/**
 * A department that takes part in a joint item (联办件 / 并联审批) beside the deciding department, with
 * the working days it has to answer; one that has not answered by then is taken to consent.
 *
 * @param departmentId the department
 * @param limitDays    its limit in working days, at least 1
 */
public record JointDepartment(String departmentId, int limitDays) {
}
