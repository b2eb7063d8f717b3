package org.onestop.api.access;

/**
 * One kind of act a principal may be allowed (权限). Reading service guides, the calendar and a case's
 * public progress needs none: that is public.
 */
public enum Permission {
    /** 收件: receive an application. */
    CASE_RECEIVE("收件"),
    /** 受理: accept (or refuse) a received case. */
    CASE_ACCEPT("受理"),
    /** 审核审批: review and decide a case. */
    CASE_DECIDE("审核审批"),
    /** 批准延期: approve or reject a case's extension (the head of the organ's act). */
    CASE_EXTEND_APPROVE("批准延期"),
    /** 首问登记: record, hand over and close first inquiries. */
    INQUIRY_HANDLE("首问登记"),
    /** 办结: deliver and conclude a case. */
    CASE_CONCLUDE("办结"),
    /** 查看办件: read cases, with personal data masked. */
    CASE_READ("查看办件"),
    /** 查看申请人信息: read the applicant's personal data unmasked. */
    CASE_READ_PERSONAL("查看申请人信息"),
    /** 用印: seal a document with a seal one keeps. */
    SEAL_USE("用印"),
    /** 电子监察: watch the monitor, rankings and complaints. */
    MONITOR_READ("电子监察"),
    /** 撤销监察卡: withdraw a monitoring card. */
    CARD_WITHDRAW("撤销监察卡"),
    /** 统计报表: read reports and figures. */
    REPORT_READ("统计报表"),
    /** 安全日志: read the security log. */
    SECURITY_LOG_READ("安全日志"),
    /** 人员管理: manage people and their roles. */
    PEOPLE_MANAGE("人员管理"),
    /** 令牌管理: issue and revoke integration tokens. */
    TOKEN_MANAGE("令牌管理"),
    /** 系统信息: see the platform's plugins and configuration. */
    SYSTEM_READ("系统信息");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
