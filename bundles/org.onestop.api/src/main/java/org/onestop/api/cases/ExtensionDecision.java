package org.onestop.api.cases;

/**
 * The approver's decision on the pending extension request (延期审批). The approver cannot be the person
 * who asked.
 *
 * @param approved true to approve, false to reject
 * @param act      the approver, where and when; the note is the decision's reason
 */
public record ExtensionDecision(boolean approved, ActDetails act) {
}
