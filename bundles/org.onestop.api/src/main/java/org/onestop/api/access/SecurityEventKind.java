package org.onestop.api.access;

/** What a security log entry records (安全日志事件). */
public enum SecurityEventKind {
    SIGN_IN("登录成功"),
    SIGN_IN_FAILED("登录失败"),
    LOCKED_OUT("账号锁定"),
    SIGN_OUT("退出登录"),
    PERSON_CREATED("新建人员"),
    PERSON_DISABLED("停用人员"),
    PERSON_ENABLED("启用人员"),
    PASSWORD_CHANGED("修改密码"),
    ROLE_GRANTED("授予角色"),
    ROLE_REVOKED("撤销角色"),
    TOKEN_ISSUED("签发令牌"),
    TOKEN_REVOKED("撤销令牌"),
    TOKEN_REJECTED("令牌被拒"),
    ACCESS_DENIED("越权访问");

    private final String label;

    SecurityEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
