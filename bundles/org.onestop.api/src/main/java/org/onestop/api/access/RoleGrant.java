package org.onestop.api.access;

/**
 * One role held in one center (and department or seal, where the role is scoped so).
 *
 * @param role         the role
 * @param centerId     the center it is held in
 * @param departmentId the department, for window and review roles; null otherwise
 * @param sealId       the seal, for a seal custodian; null otherwise
 */
public record RoleGrant(Role role, String centerId, String departmentId, String sealId) {

    public static RoleGrant center(Role role, String centerId) {
        return new RoleGrant(role, centerId, null, null);
    }

    public static RoleGrant department(Role role, String centerId, String departmentId) {
        return new RoleGrant(role, centerId, departmentId, null);
    }

    /** Whether this grant covers the place: its center, and its department or seal where it is scoped. */
    public boolean covers(String center, String department, String seal) {
        if (!centerId.equals(center)) {
            return false;
        }
        return switch (role.scope()) {
            // A center-wide grant may still be narrowed to one department (an integration token's).
            case CENTER -> departmentId == null || department == null || departmentId.equals(department);
            case DEPARTMENT -> department == null || departmentId.equals(department);
            case SEAL -> seal == null || sealId.equals(seal);
        };
    }
}
