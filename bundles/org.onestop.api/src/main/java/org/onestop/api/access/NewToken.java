package org.onestop.api.access;

import java.time.Instant;
import java.util.Set;

/**
 * What an administrator enters to issue a token.
 *
 * @param name         what it is for
 * @param departmentId a department to limit it to, or null
 * @param scope        the permissions it carries (at least one)
 * @param expiresAt    when it stops working: in the future, at most a year away
 */
public record NewToken(String name, String departmentId, Set<Permission> scope, Instant expiresAt) {

    public NewToken {
        scope = scope == null ? Set.of() : Set.copyOf(scope);
    }
}
