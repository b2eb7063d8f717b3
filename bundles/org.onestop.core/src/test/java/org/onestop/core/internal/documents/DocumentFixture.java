package org.onestop.core.internal.documents;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.Decision;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.LegalBasis;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.catalog.ProcedureStep;
import org.onestop.api.catalog.Window;

/** A food business license case of 含山县政务服务中心, built by hand, for the document tests. */
final class DocumentFixture {

    static final String CASE_NUMBER = "340522-20261012-0007";
    static final String QUERY_CODE = "K7Q2-9F3A";
    static final LocalDate RECEIVED = LocalDate.of(2026, 10, 12);
    static final LocalDate ACCEPTED = LocalDate.of(2026, 10, 13);
    static final LocalDate DEADLINE = LocalDate.of(2026, 10, 27);
    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    static final String CLERK = "李娜";

    static final Center CENTER = new Center("hanshan", "含山县政务服务中心", CenterLevel.COUNTY, "340522", "maanshan",
            "含山县环峰镇褒禅路1号", "周一至周五 8:30-12:00 14:30-17:30");
    static final Department DEPARTMENT = new Department("market", "含山县市场监督管理局", "11340522MB0000001",
            List.of(new Window("A01", "食品经营许可窗口")), "王明");
    static final Applicant PERSON = new Applicant(ApplicantType.PERSON, "张三", "340522199001011234", "13955551234");
    static final Applicant COMPANY = new Applicant(ApplicantType.ORGANIZATION, "含山县好味餐饮有限公司",
            "91340522MA2N000000", null);

    static final Item LICENSE = new Item("340522-XK-0101", 2, LocalDate.of(2026, 1, 1), "食品经营许可（新办）",
            ItemKind.ADMINISTRATIVE_LICENSE, "market",
            List.of(new LegalBasis("《中华人民共和国食品安全法》", "第三十五条"), new LegalBasis("食品经营许可和备案管理办法", "第十条")),
            HandlingType.PROMISED, 20, 10, List.of("具有与经营的食品品种、数量相适应的经营场所"),
            List.of(new Material("食品经营许可申请书", MaterialForm.ORIGINAL, 1, true, null, "申请人自备", null),
                    new Material("营业执照复印件", MaterialForm.COPY, 1, true, null, "申请人自备", null),
                    new Material("食品安全管理制度文本", MaterialForm.COPY, 2, true, null, "申请人自备", null)),
            List.of(new ProcedureStep("受理", "CLERK", 1), new ProcedureStep("审查", "REVIEWER", 8)),
            List.of(), List.of(), "食品经营许可证", "含山县政务服务中心二楼A01窗口", "0555-4321001", "0555-4321110");

    private DocumentFixture() {
    }

    /** The same item, of another kind. */
    static Item ofKind(Item item, ItemKind kind) {
        return new Item(item.code(), item.version(), item.effectiveFrom(), item.name(), kind, item.departmentId(),
                item.legalBases(), item.handlingType(), item.legalLimitDays(), item.promisedLimitDays(),
                item.acceptanceConditions(), item.materials(), item.steps(), item.specialProcedures(), item.feeCodes(),
                item.result(), item.location(), item.consultationPhone(), item.complaintPhone());
    }

    static Case acceptedCase(Applicant applicant) {
        return caseWith(applicant, null, List.of());
    }

    /** A case whose decision was taken, its event naming the decision's document, as the engine records it. */
    static Case decidedCase(Decision decision, String documentNumber) {
        CaseEvent decided = new CaseEvent(6, decision == Decision.APPROVED ? CaseAct.APPROVE : CaseAct.DENY, TODAY,
                Instant.parse("2026-10-20T02:00:00Z"), "赵审批", "A01", null, Map.of("document", documentNumber));
        // Set by name, so that a component the case engine adds to the progress does not break these tests.
        CaseProgress progress = with(CaseProgress.start(1), "decision", decision);
        return caseWith(PERSON, progress, List.of(decided));
    }

    private static Case caseWith(Applicant applicant, CaseProgress progress, List<CaseEvent> timeline) {
        return new Case(CENTER.id(), CASE_NUMBER, QUERY_CODE, LICENSE.code(), LICENSE.version(), LICENSE.name(),
                DEPARTMENT.id(), applicant, Channel.WINDOW, List.of(), CaseState.ACCEPTED, RECEIVED, ACCEPTED, DEADLINE,
                null, 5, progress == null ? CaseProgress.start(1) : progress, timeline);
    }

    /** The record with its component {@code name} replaced, through the canonical constructor. */
    static <R extends Record> R with(R record, String name, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(name);
                values[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + name);
            }
            @SuppressWarnings("unchecked")
            Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseEvent event(CaseAct act, LocalDate on) {
        return new CaseEvent(7, act, on, Instant.parse("2026-10-20T03:00:00Z"), CLERK, "A01", null, Map.of());
    }

    static DocumentContext context(Item item, Case c, CaseAct act, LocalDate on, int position) {
        return new DocumentContext(CENTER, DEPARTMENT, item, c, event(act, on), position);
    }

    static DocumentContext context(CaseAct act) {
        return context(LICENSE, acceptedCase(PERSON), act, TODAY, 3);
    }
}
