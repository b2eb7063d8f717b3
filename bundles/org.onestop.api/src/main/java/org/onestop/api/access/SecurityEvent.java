package org.onestop.api.access;

import java.time.Instant;

/**
 * One entry of the security log (安全日志): append-only; the platform offers no way to change or delete it.
 *
 * @param sequence the entry's number, rising
 * @param at       when
 * @param centerId the center it concerns, or null for a sign-in not yet tied to one
 * @param actor    the account that acted (or tried to)
 * @param kind     what happened
 * @param subject  what it happened to: an account, a token id, a path
 * @param detail   more, in words; never a password or a secret
 * @param remote   the client's address, where known
 */
public record SecurityEvent(long sequence, Instant at, String centerId, String actor, SecurityEventKind kind,
        String subject, String detail, String remote) {
}
