package org.onestop.api.access;

import java.util.List;

/**
 * What an administrator enters to create a person.
 *
 * @param account  the sign-in name (see {@link Person#account()})
 * @param name     the person's name
 * @param password the first password: at least 10 characters, with letters and digits
 * @param grants   the roles to hold from the start
 */
public record NewPerson(String account, String name, String password, List<RoleGrant> grants) {

    public NewPerson {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** Hides the password, which must never reach a log. */
    @Override
    public String toString() {
        return "NewPerson[account=" + account + ", name=" + name + ", grants=" + grants + "]";
    }
}
