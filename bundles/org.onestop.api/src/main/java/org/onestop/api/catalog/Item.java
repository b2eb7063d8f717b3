package org.onestop.api.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An approval or service item (审批事项) with every element of its service guide (办事指南). Items are
 * versioned: a change makes a new version in force from {@code effectiveFrom}, and a case keeps the
 * version in force on the day it was received.
 *
 * @param code                  the item's code, unique in the center
 * @param version               1 for the first version, raised by every change
 * @param effectiveFrom         the first day this version is in force
 * @param name                  the item's name as the government lists it
 * @param kind                  行政许可, 非行政许可, 公共服务, 中介服务 or 其他
 * @param departmentId          the department that decides it
 * @param legalBases            设定依据
 * @param handlingType          即办件, 承诺件, 联办件 or 上报件
 * @param legalLimitDays        法定时限 in working days
 * @param promisedLimitDays     承诺时限 in working days, never above the legal limit
 * @param acceptanceConditions  受理条件, one condition per entry
 * @param materials             申请材料
 * @param steps                 办理程序, in order
 * @param specialProcedures     特别程序 this item may use
 * @param feeCodes              the codes of the fees charged (收费), empty when free
 * @param result                the result the applicant receives (审批结果), for example a certificate's name
 * @param location              where to apply (办理地点)
 * @param consultationPhone     咨询电话
 * @param complaintPhone        监督投诉电话
 * @param jointDepartments      for a joint item (联办件), the other departments asked, each with its limit; empty
 *                              for other items
 */
public record Item(String code, int version, LocalDate effectiveFrom, String name, ItemKind kind,
        String departmentId, List<LegalBasis> legalBases, HandlingType handlingType, int legalLimitDays,
        int promisedLimitDays, List<String> acceptanceConditions, List<Material> materials,
        List<ProcedureStep> steps, List<SpecialProcedure> specialProcedures, List<String> feeCodes,
        String result, String location, String consultationPhone, String complaintPhone,
        List<JointDepartment> jointDepartments) {

    public Item {
        jointDepartments = copy(jointDepartments);
        legalBases = copy(legalBases);
        acceptanceConditions = copy(acceptanceConditions);
        materials = copy(materials);
        steps = copy(steps);
        specialProcedures = copy(specialProcedures);
        feeCodes = copy(feeCodes);
    }

    /** This item as version {@code newVersion}, in force from {@code from}. */
    public Item asVersion(int newVersion, LocalDate from) {
        return new Item(code, newVersion, from, name, kind, departmentId, legalBases, handlingType,
                legalLimitDays, promisedLimitDays, acceptanceConditions, materials, steps, specialProcedures,
                feeCodes, result, location, consultationPhone, complaintPhone, jointDepartments);
    }

    /** An item that no other department takes part in. */
    public Item(String code, int version, LocalDate effectiveFrom, String name, ItemKind kind, String departmentId,
            List<LegalBasis> legalBases, HandlingType handlingType, int legalLimitDays, int promisedLimitDays,
            List<String> acceptanceConditions, List<Material> materials, List<ProcedureStep> steps,
            List<SpecialProcedure> specialProcedures, List<String> feeCodes, String result, String location,
            String consultationPhone, String complaintPhone) {
        this(code, version, effectiveFrom, name, kind, departmentId, legalBases, handlingType, legalLimitDays,
                promisedLimitDays, acceptanceConditions, materials, steps, specialProcedures, feeCodes, result, location,
                consultationPhone, complaintPhone, List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
