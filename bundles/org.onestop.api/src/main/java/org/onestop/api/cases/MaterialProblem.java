package org.onestop.api.cases;

/**
 * One problem with one material, as a one-time notice (一次性告知) lists it.
 *
 * @param material the material's name as the item lists it
 * @param kind     missing, wrong form, too few copies, or not compliant
 * @param detail   what the applicant must do, in the clerk's words; may be null for the first three kinds
 */
public record MaterialProblem(String material, ProblemKind kind, String detail) {
}
