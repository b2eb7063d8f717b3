package org.onestop.core.internal.catalog;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.JointDepartment;
import org.onestop.api.catalog.LegalBasis;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.ProcedureStep;
import org.onestop.api.catalog.Window;
import org.onestop.api.id.CreditCode;
import org.onestop.api.id.RegionCode;

/** The rules a catalog record must follow before it is stored (事项要素校验). */
public final class CatalogRules {

    public static final Pattern CENTER_ID = Pattern.compile("[a-z][a-z0-9.]{1,39}");
    public static final Pattern DEPARTMENT_ID = Pattern.compile("[a-z][a-z0-9._]{0,39}");
    public static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    private static final Pattern WINDOW_CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");
    /** The longest limit any law sets is far below this; a larger figure is a typing error. */
    static final int MAX_LIMIT_DAYS = 365;

    private CatalogRules() {
    }

    public static void center(Center c, Check check) {
        check.present("center", c, "中心");
        check.matches("id", c.id(), CENTER_ID, "中心标识", "应为2至40位小写字母、数字或点，以字母开头");
        check.text("name", c.name(), "中心名称", 200);
        check.present("level", c.level(), "中心层级");
        check.identifier("regionCode", RegionCode.problem(c.regionCode()));
        check.rule("parentId", c.parentId() == null || !c.parentId().equals(c.id()), "上级中心不能是本中心");
        check.optionalText("address", c.address(), "地址", 400);
        check.optionalText("officeHours", c.officeHours(), "办公时间", 400);
    }

    public static void department(Department d, Check check) {
        check.present("department", d, "部门");
        check.matches("id", d.id(), DEPARTMENT_ID, "部门标识", "应为1至40位小写字母、数字、点或下划线，以字母开头");
        check.text("name", d.name(), "部门名称", 200);
        check.identifier("creditCode", CreditCode.problem(d.creditCode()));
        check.optionalText("chiefRepresentative", d.chiefRepresentative(), "首席代表", 100);
        List<Window> windows = d.windows();
        for (int i = 0; i < windows.size(); i++) {
            Check w = check.nested("windows[" + i + "]");
            check.present("windows[" + i + "]", windows.get(i), "窗口");
            w.matches("code", windows.get(i).code(), WINDOW_CODE, "窗口编号", "应为1至20位字母、数字或连字符");
            w.optionalText("name", windows.get(i).name(), "窗口名称", 100);
        }
        check.unique("windows", windows.stream().map(Window::code).toList(), "窗口编号");
    }

    /** Checks an item; {@code departmentIds} are the departments of its center. */
    public static void item(Item item, Set<String> departmentIds, Check check) {
        check.present("item", item, "事项");
        check.matches("code", item.code(), ITEM_CODE, "事项编码", "应为1至60位字母、数字、点、下划线或连字符");
        check.text("name", item.name(), "事项名称", 300);
        check.present("kind", item.kind(), "事项类型");
        check.text("departmentId", item.departmentId(), "实施部门", 40);
        check.rule("departmentId", departmentIds.contains(item.departmentId()),
                "实施部门“" + item.departmentId() + "”不是本中心的进驻部门");
        check.present("handlingType", item.handlingType(), "办件类型");
        check.range("legalLimitDays", item.legalLimitDays(), 0, MAX_LIMIT_DAYS, "法定时限（工作日）");
        check.range("promisedLimitDays", item.promisedLimitDays(), 0, MAX_LIMIT_DAYS, "承诺时限（工作日）");
        check.rule("promisedLimitDays", item.promisedLimitDays() <= item.legalLimitDays(),
                "承诺时限（" + item.promisedLimitDays() + "个工作日）不能超过法定时限（" + item.legalLimitDays() + "个工作日）");
        for (int i = 0; i < item.legalBases().size(); i++) {
            LegalBasis basis = check.present("legalBases[" + i + "]", item.legalBases().get(i), "设定依据");
            Check b = check.nested("legalBases[" + i + "]");
            b.text("document", basis.document(), "依据文件", 300);
            b.optionalText("article", basis.article(), "条款", 300);
        }
        for (int i = 0; i < item.acceptanceConditions().size(); i++) {
            check.text("acceptanceConditions[" + i + "]", item.acceptanceConditions().get(i), "受理条件", 1000);
        }
        for (int i = 0; i < item.materials().size(); i++) {
            material(check.present("materials[" + i + "]", item.materials().get(i), "申请材料"),
                    check.nested("materials[" + i + "]"));
        }
        check.unique("materials", item.materials().stream().map(Material::name).toList(), "申请材料");
        for (int i = 0; i < item.steps().size(); i++) {
            ProcedureStep step = check.present("steps[" + i + "]", item.steps().get(i), "办理环节");
            Check s = check.nested("steps[" + i + "]");
            s.text("name", step.name(), "环节名称", 100);
            s.optionalText("role", step.role(), "办理岗位", 100);
            s.range("limitDays", step.limitDays(), 0, MAX_LIMIT_DAYS, "环节时限（工作日）");
        }
        for (int i = 0; i < item.specialProcedures().size(); i++) {
            check.present("specialProcedures[" + i + "]", item.specialProcedures().get(i), "特别程序");
        }
        check.unique("specialProcedures", item.specialProcedures(), "特别程序");
        jointDepartments(item, departmentIds, check);
        for (int i = 0; i < item.feeCodes().size(); i++) {
            check.text("feeCodes[" + i + "]", item.feeCodes().get(i), "收费项目编码", 60);
        }
        check.optionalText("result", item.result(), "审批结果", 300);
        check.optionalText("location", item.location(), "办理地点", 300);
        check.optionalText("consultationPhone", item.consultationPhone(), "咨询电话", 40);
        check.optionalText("complaintPhone", item.complaintPhone(), "投诉电话", 40);
    }

    /** A joint item (联办件) names the other departments it asks, each with its limit; no other item names any. */
    private static void jointDepartments(Item item, Set<String> departmentIds, Check check) {
        boolean joint = item.handlingType() == HandlingType.JOINT;
        check.rule("jointDepartments", joint != item.jointDepartments().isEmpty(), joint
                ? "联办件须列出会办部门（jointDepartments）" : "只有联办件可以列出会办部门（jointDepartments）");
        for (int i = 0; i < item.jointDepartments().size(); i++) {
            JointDepartment d = check.present("jointDepartments[" + i + "]", item.jointDepartments().get(i), "会办部门");
            Check j = check.nested("jointDepartments[" + i + "]");
            j.text("departmentId", d.departmentId(), "会办部门", 40);
            j.rule("departmentId", departmentIds.contains(d.departmentId()),
                    "会办部门“" + d.departmentId() + "”不是本中心的进驻部门");
            j.rule("departmentId", !d.departmentId().equals(item.departmentId()), "会办部门不能是实施部门本身");
            j.range("limitDays", d.limitDays(), 1, MAX_LIMIT_DAYS, "会办时限（工作日）");
        }
        check.unique("jointDepartments", item.jointDepartments().stream().map(JointDepartment::departmentId).toList(),
                "会办部门");
    }

    private static void material(Material m, Check check) {
        check.text("name", m.name(), "材料名称", 200);
        check.present("form", m.form(), "材料形式");
        check.range("copies", m.copies(), 1, 99, "份数");
        if (!m.required()) {
            check.text("condition", m.condition(), "非必需材料的提交条件", 300);
        }
        check.optionalText("source", m.source(), "来源渠道", 200);
        check.optionalText("template", m.template(), "表格样本", 300);
    }

    public static void centerDay(CenterDay day, Check check) {
        check.present("calendarDay", day, "中心日历");
        check.present("date", day.date(), "日期");
        check.optionalText("reason", day.reason(), "原因", 200);
    }
}
