package org.onestop.api.cases;

/**
 * Completing the current step of a promised case (环节办结). Steps complete in order.
 *
 * @param step    the step's number; must be the current step (0 means the current one, whichever it is)
 * @param opinion the step's opinion (审查意见); may be null
 * @param act     who completes it, where and when
 */
public record StepCompletion(int step, String opinion, ActDetails act) {
}
