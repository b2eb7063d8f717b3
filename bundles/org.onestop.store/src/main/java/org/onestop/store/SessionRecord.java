package org.onestop.store;

import java.time.Instant;

/**
 * A signed-in session as stored: keyed by the hash of its secret, which itself is never stored.
 *
 * @param secretHash     SHA-256 of the session secret, lower-case hex
 * @param account        whose session it is
 * @param csrfToken      the token the session's browser calls must echo
 * @param createdAt      when the person signed in
 * @param lastSeen       when the session was last used
 * @param expiresAt      when it ends unless used again
 * @param absoluteExpiry when it ends however often it is used
 */
public record SessionRecord(String secretHash, String account, String csrfToken, Instant createdAt, Instant lastSeen,
        Instant expiresAt, Instant absoluteExpiry) {
}
