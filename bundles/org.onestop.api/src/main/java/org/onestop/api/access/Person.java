package org.onestop.api.access;

import java.time.Instant;
import java.util.List;

/**
 * A member of a center's staff who signs in (工作人员). Accounts are unique in the whole process, so one
 * person may hold roles in a city center and in its counties.
 *
 * @param account     the sign-in name: 3 to 40 lower-case letters, digits, dots, hyphens or underscores
 * @param name        the person's name, shown in timelines
 * @param enabled     false when an administrator has disabled the account
 * @param grants      the roles held
 * @param lockedUntil until when sign-in is refused after repeated failures; null when not locked
 */
public record Person(String account, String name, boolean enabled, List<RoleGrant> grants, Instant lockedUntil) {

    public Person {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
