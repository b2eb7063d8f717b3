package org.onestop.api.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * A role in a center (岗位角色) and the permissions it carries. Window and review roles are held per
 * department, the seal custodian's per seal; the others for the whole center.
 */
public enum Role {
    /** 中心管理员: people, roles, tokens and the platform's settings; sees no applicant's personal data. */
    ADMINISTRATOR("中心管理员", Scope.CENTER, EnumSet.of(Permission.PEOPLE_MANAGE, Permission.TOKEN_MANAGE,
            Permission.SYSTEM_READ)),
    /** 窗口受理人员: receives, accepts and concludes the cases of one department. */
    CLERK("窗口受理人员", Scope.DEPARTMENT, EnumSet.of(Permission.CASE_RECEIVE, Permission.CASE_ACCEPT,
            Permission.CASE_CONCLUDE, Permission.CASE_READ, Permission.CASE_READ_PERSONAL, Permission.INQUIRY_HANDLE)),
    /** 审核审批人员: reviews and decides the cases of one department. */
    REVIEWER("审核审批人员", Scope.DEPARTMENT, EnumSet.of(Permission.CASE_DECIDE, Permission.CASE_EXTEND_APPROVE,
            Permission.CASE_CONCLUDE, Permission.CASE_READ, Permission.CASE_READ_PERSONAL)),
    /** 印章管理员: seals with the one seal in their keeping. */
    SEAL_CUSTODIAN("印章管理员", Scope.SEAL, EnumSet.of(Permission.SEAL_USE)),
    /** 督查人员: monitoring, complaints, rankings and the security log; case data masked. */
    SUPERVISOR("督查人员", Scope.CENTER, EnumSet.of(Permission.MONITOR_READ, Permission.CARD_WITHDRAW,
            Permission.CASE_READ, Permission.REPORT_READ, Permission.SECURITY_LOG_READ)),
    /** 中心领导: reads reports and cases, changes nothing. */
    DIRECTOR("中心领导", Scope.CENTER, EnumSet.of(Permission.REPORT_READ, Permission.CASE_READ)),
    /** 集成客户端: an outside system; may only what its token's scope names. */
    INTEGRATION("集成客户端", Scope.CENTER, EnumSet.noneOf(Permission.class));

    /** What a grant of the role is limited to. */
    public enum Scope {
        CENTER, DEPARTMENT, SEAL
    }

    private final String label;
    private final Scope scope;
    private final EnumSet<Permission> permissions;

    Role(String label, Scope scope, EnumSet<Permission> permissions) {
        this.label = label;
        this.scope = scope;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public Scope scope() {
        return scope;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }
}
