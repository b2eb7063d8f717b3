package org.onestop.core.internal.access;

import java.util.Locale;
import java.util.regex.Pattern;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.core.internal.catalog.Check;

/** The rules an account, a password and a role grant follow before anything is stored (人员与角色校验). */
final class AccessRules {

    static final Pattern ACCOUNT = Pattern.compile("[a-z0-9._-]{3,40}");
    private static final Pattern SEAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    static final int PASSWORD_MIN = 10;
    /** Far above any typed password; keeps a huge body from costing more hashing than a normal one. */
    static final int PASSWORD_MAX = 128;

    private AccessRules() {
    }

    /** Accounts are compared in lower case: {@code Wang.Wu} and {@code wang.wu} are one account. */
    static String normalizeAccount(String account) {
        return account == null ? null : account.strip().toLowerCase(Locale.ROOT);
    }

    static String account(String account, Check check) {
        return check.matches("account", normalizeAccount(account), ACCOUNT, "账号",
                "应为3至40位小写字母、数字、点、下划线或连字符");
    }

    static void password(String password, Check check, String field) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw check.invalid(field, "密码至少" + PASSWORD_MIN + "位，且须同时包含字母和数字");
        }
        if (password.length() > PASSWORD_MAX) {
            throw check.invalid(field, "密码不能超过" + PASSWORD_MAX + "位");
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw check.invalid(field, "密码至少" + PASSWORD_MIN + "位，且须同时包含字母和数字");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw check.invalid(field, "密码不能含有不可见的控制字符");
        }
    }

    /**
     * A grant in its stored shape: blank department and seal become null, a missing center becomes
     * {@code defaultCenter}. Checks everything that needs no database: a role for persons, the scope's
     * department or seal named, and nothing else named.
     */
    static RoleGrant grant(RoleGrant grant, String defaultCenter, Check check) {
        check.present("grant", grant, "角色");
        Role role = check.present("role", grant.role(), "角色");
        if (role == Role.INTEGRATION) {
            throw check.invalid("role", "“" + role.label() + "”角色只属于接口令牌，不能授予人员");
        }
        String center = blankToNull(grant.centerId()) == null ? defaultCenter : grant.centerId().strip();
        check.text("centerId", center, "中心", 40);
        String department = blankToNull(grant.departmentId());
        String seal = blankToNull(grant.sealId());
        switch (role.scope()) {
            case CENTER -> {
                check.rule("departmentId", department == null, "“" + role.label() + "”是全中心的角色，不能限定部门");
                check.rule("sealId", seal == null, "“" + role.label() + "”不管理印章，不能指定印章");
            }
            case DEPARTMENT -> {
                check.rule("departmentId", department != null, "“" + role.label() + "”须指定所在部门");
                check.rule("sealId", seal == null, "“" + role.label() + "”不管理印章，不能指定印章");
            }
            case SEAL -> {
                check.matches("sealId", seal, SEAL_ID, "印章标识", "应为1至60位字母、数字、点、下划线或连字符");
                check.rule("departmentId", department == null, "“" + role.label() + "”按印章授予，不能限定部门");
            }
        }
        return new RoleGrant(role, center, department == null ? null : department.strip(), seal);
    }

    static String describe(RoleGrant g) {
        StringBuilder text = new StringBuilder(g.role().label()).append("（中心 ").append(g.centerId());
        if (g.departmentId() != null) {
            text.append("，部门 ").append(g.departmentId());
        }
        if (g.sealId() != null) {
            text.append("，印章 ").append(g.sealId());
        }
        return text.append("）").toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
