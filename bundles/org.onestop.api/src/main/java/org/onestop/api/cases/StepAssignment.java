package org.onestop.api.cases;

/**
 * Giving a step of a promised case to the person who does it (指派).
 *
 * @param step     the step's number, 1 for the item's first step
 * @param assignee the account or name of the person (required)
 * @param act      who assigns, where and when
 */
public record StepAssignment(int step, String assignee, ActDetails act) {
}
