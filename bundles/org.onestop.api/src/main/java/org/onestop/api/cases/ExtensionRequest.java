package org.onestop.api.cases;

/**
 * Asking for more working days (申请延期). It takes effect only when an approver approves it, and the
 * limit with every approved extension can never pass the legal limit (plus the 10 working days the
 * Administrative License Law allows for a licence, with the approval of the head of the organ).
 *
 * @param days   working days asked for, at least 1
 * @param reason why (required)
 * @param act    who asks, where and when
 */
public record ExtensionRequest(int days, String reason, ActDetails act) {
}
