package org.onestop.api.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting (当前用户): a signed-in person with their role grants, or an integration client with its
 * token's scope. The public has no principal.
 *
 * @param account  the person's account, or {@code token:<id>} for an integration client
 * @param name     the name shown in timelines and logs
 * @param grants   the person's role grants; for a token, one INTEGRATION grant in its center (and department)
 * @param scope    for a token, the permissions it names; empty for a person
 * @param token    true for an integration client
 */
public record Principal(String account, String name, List<RoleGrant> grants, Set<Permission> scope, boolean token) {

    public Principal {
        grants = List.copyOf(grants);
        scope = Set.copyOf(scope);
    }

    /**
     * Whether the principal may do {@code permission} at the place given: in {@code centerId}, and, for
     * a department-scoped act, in {@code departmentId} (null: anywhere in the center, as for a list that
     * is filtered afterwards).
     */
    public boolean may(Permission permission, String centerId, String departmentId) {
        return grantFor(permission, centerId, departmentId, null).isPresent();
    }

    /** Whether the principal may use the seal {@code sealId} of the center. */
    public boolean maySeal(String centerId, String sealId) {
        return grantFor(Permission.SEAL_USE, centerId, null, sealId).isPresent();
    }

    private Optional<RoleGrant> grantFor(Permission permission, String centerId, String departmentId, String sealId) {
        if (centerId == null) {
            return Optional.empty();
        }
        return grants.stream()
                .filter(g -> token ? scope.contains(permission) : g.role().allows(permission))
                .filter(g -> g.covers(centerId, departmentId, sealId))
                .findFirst();
    }

    /** The departments of the center in which the principal may do {@code permission}; empty set = none, null = all. */
    public Set<String> departmentsFor(Permission permission, String centerId) {
        java.util.Set<String> departments = new java.util.TreeSet<>();
        for (RoleGrant g : grants) {
            boolean allowed = token ? scope.contains(permission) : g.role().allows(permission);
            if (!allowed || !g.centerId().equals(centerId)) {
                continue;
            }
            // A center-wide grant covers every department, unless it is narrowed to one (a token's).
            if (g.departmentId() == null) {
                return null;
            }
            departments.add(g.departmentId());
        }
        return departments;
    }
}
