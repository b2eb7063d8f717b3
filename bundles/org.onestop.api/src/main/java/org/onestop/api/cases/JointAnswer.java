package org.onestop.api.cases;

/**
 * A department's answer to its part of a joint case (联办部门意见).
 *
 * @param departmentId the answering department (required)
 * @param consent      true to consent, false to object
 * @param opinion      the department's opinion; required when it objects
 * @param act          who answers for the department, where and when
 */
public record JointAnswer(String departmentId, boolean consent, String opinion, ActDetails act) {
}
