package org.onestop.api.cases;

/**
 * Withdrawing a case at the applicant's request (退回件), before it is decided.
 *
 * @param reason what the applicant asked, in the clerk's words (required)
 * @param act    who records it, where and when
 */
public record WithdrawRequest(String reason, ActDetails act) {
}
