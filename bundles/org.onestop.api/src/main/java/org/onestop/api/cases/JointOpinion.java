package org.onestop.api.cases;

/**
 * What one attending department said at a joint review meeting.
 *
 * @param departmentId the department (required)
 * @param consent      true to consent, false to object
 * @param opinion      its opinion; required when it objects
 */
public record JointOpinion(String departmentId, boolean consent, String opinion) {
}
