package org.onestop.store;

import java.time.Instant;

/**
 * A person's row as stored: what the access service needs to sign them in, besides their grants.
 *
 * @param account        the sign-in name
 * @param name           the person's name
 * @param passwordHash   the Argon2id hash in PHC form; never a password
 * @param enabled        false when an administrator has disabled the account
 * @param failedAttempts consecutive failed sign-ins since the last success
 * @param lockedUntil    until when sign-in is refused, or null
 * @param createdAt      when the person was created
 */
public record PersonRecord(String account, String name, String passwordHash, boolean enabled, int failedAttempts,
        Instant lockedUntil, Instant createdAt) {

    /** Leaves the hash out, so that it never reaches a log. */
    @Override
    public String toString() {
        return "PersonRecord[account=" + account + ", name=" + name + ", enabled=" + enabled + ", failedAttempts="
                + failedAttempts + ", lockedUntil=" + lockedUntil + "]";
    }
}
