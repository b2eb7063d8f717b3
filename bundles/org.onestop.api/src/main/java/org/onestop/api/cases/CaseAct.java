package org.onestop.api.cases;

/** An act on a case, each recorded as one event of its timeline. */
public enum CaseAct {
    /** 收件 */
    RECEIVE("收件"),
    /** 一次性告知 */
    ONE_TIME_NOTICE("一次性告知"),
    /** 补正 */
    SUPPLEMENT("补正"),
    /** 受理 */
    ACCEPT("受理"),
    /** 不予受理 */
    REFUSE("不予受理"),
    /** 指派环节 */
    ASSIGN_STEP("指派环节"),
    /** 完成环节 */
    COMPLETE_STEP("完成环节"),
    /** 特别程序开始 */
    PAUSE("特别程序开始"),
    /** 特别程序结束 */
    RESUME("特别程序结束"),
    /** 申请延期 */
    REQUEST_EXTENSION("申请延期"),
    /** 批准延期 */
    APPROVE_EXTENSION("批准延期"),
    /** 不批准延期 */
    REJECT_EXTENSION("不批准延期"),
    /** 联办部门意见 */
    JOINT_ANSWER("联办部门意见"),
    /** 超时默认 */
    JOINT_TIMEOUT("超时默认"),
    /** 联审会 */
    JOINT_MEETING("联审会"),
    /** 上报 */
    REPORT("上报"),
    /** 上级办理进度 */
    REPORT_UPDATE("上级办理进度"),
    /** 准予许可 */
    APPROVE("准予许可"),
    /** 不予许可 */
    DENY("不予许可"),
    /** 送达 */
    DELIVER("送达"),
    /** 办结 */
    CONCLUDE("办结"),
    /** 退回 */
    WITHDRAW("退回"),
    /** 申请人到窗口 */
    VISIT("申请人到窗口"),
    /** 违反制度记录 */
    BREACH("违反制度记录");

    private final String label;

    CaseAct(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
