package org.onestop.web.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onestop.api.OneStopException;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ExtensionDecision;
import org.onestop.api.cases.ExtensionRequest;
import org.onestop.api.cases.JointAnswer;
import org.onestop.api.cases.JointMeetingRequest;
import org.onestop.api.cases.JointOpinion;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.NoticeRequest;
import org.onestop.api.cases.PauseRequest;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.RefusalRequest;
import org.onestop.api.cases.ReportRequest;
import org.onestop.api.cases.ReportUpdate;
import org.onestop.api.cases.StepAssignment;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.cases.SupplementRequest;
import org.onestop.api.cases.WithdrawRequest;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.inquiry.HandOver;
import org.onestop.api.inquiry.NewInquiry;

/**
 * The JSON bodies the API reads. Enums and dates arrive as strings and are converted here, because Gson
 * turns an unknown enum name into null without a word, and so that every refusal names its field. The
 * fields a service cannot do without are checked here too, before any service is called.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    record ApplicantBody(String type, String name, String idNumber, String phone) {
    }

    record MaterialBody(String name, String form, Integer copies) {
    }

    /**
     * Where and when an act is done. {@code actor} is read only to keep older clients working and is then
     * ignored: the act is recorded as the signed-in caller's, whatever a body claims.
     */
    record ActBody(String actor, String window, String note, String on) {
    }

    /** {@code conditionsMet}: the item's conditional materials whose condition applies to this applicant. */
    record ReceiveBody(String itemCode, ApplicantBody applicant, String channel, List<MaterialBody> materials,
            ActBody act, List<String> conditionsMet) {
    }

    // --- the acts of case handling: each body carries where and when beside what the act decides ----------
    // (window, note, on), as ActBody does alone; the actor is always the signed-in caller.

    record ProblemBody(String material, String kind, String detail) {
    }

    record NoticeBody(List<ProblemBody> problems, String window, String note, String on) {
    }

    record SupplementBody(List<MaterialBody> materials, String window, String note, String on) {
    }

    record RefusalBody(String reason, String legalBasis, String window, String note, String on) {
    }

    /** A decision, on the spot for an immediate item or after the steps for the others. */
    record DecisionBody(String decision, String reason, String legalBasis, String result, String window, String note,
            String on) {
    }

    record AssigneeBody(String assignee, String window, String note, String on) {
    }

    /** {@code step}: the current step's number; absent for whichever step is current. */
    record StepCompletionBody(Integer step, String opinion, String window, String note, String on) {
    }

    record PauseBody(String procedure, String reason, String window, String note, String on) {
    }

    record ExtensionBody(Integer days, String reason, String window, String note, String on) {
    }

    /** The approver's words go in {@code note}. */
    record ExtensionDecisionBody(Boolean approved, String window, String note, String on) {
    }

    record JointAnswerBody(String departmentId, Boolean consent, String opinion, String window, String note,
            String on) {
    }

    record JointOpinionBody(String departmentId, Boolean consent, String opinion) {
    }

    record JointMeetingBody(List<JointOpinionBody> attended, String window, String note, String on) {
    }

    record JointTimeoutsBody(String asOf) {
    }

    record ReportBody(String reference, String window, String note, String on) {
    }

    record ReportUpdateBody(String status, String reference, String window, String note, String on) {
    }

    record DeliveryBody(String method, String recipient, String trackingNumber, String address, String window,
            String note, String on) {
    }

    record WithdrawBody(String reason, String window, String note, String on) {
    }

    // --- first inquiries: the clerk is the caller ---------------------------------------------------------

    record NewInquiryBody(String subject, String inquirer, String phone, String itemCode, String window) {
    }

    /** {@code to}: the account of the clerk taking the inquiry over. */
    record HandOverBody(String to, String toWindow, String note) {
    }

    record CloseInquiryBody(String answer, String caseNumber) {
    }

    record SignInBody(String account, String password) {
        @Override
        public String toString() {
            return "SignInBody[account=" + account + "]";
        }
    }

    record GrantBody(String role, String departmentId, String sealId) {
    }

    record NewPersonBody(String account, String name, String password, List<GrantBody> grants) {
        @Override
        public String toString() {
            return "NewPersonBody[account=" + account + ", name=" + name + ", grants=" + grants + "]";
        }
    }

    record EnabledBody(Boolean enabled) {
    }

    record PasswordBody(String oldPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordBody[]";
        }
    }

    record NewTokenBody(String name, String departmentId, List<String> scope, String expiresAt) {
    }

    /** The item code of a receive request, which its access rule needs before the rest is checked. */
    static String itemCode(ReceiveBody body) {
        return Params.required("itemCode", body.itemCode());
    }

    /** {@code actor} is who is signed in, as the timeline shows it. */
    static ReceiveRequest receiveRequest(ReceiveBody body, String actor) {
        String itemCode = Params.required("itemCode", body.itemCode());
        if (body.applicant() == null) {
            throw OneStopException.invalid("applicant", "缺少申请人（applicant）");
        }
        ApplicantBody a = body.applicant();
        ApplicantType type = Params.enumValue(ApplicantType.class, "applicant.type",
                Params.required("applicant.type", a.type()));
        Applicant applicant = new Applicant(type, Params.required("applicant.name", a.name()),
                Params.required("applicant.idNumber", a.idNumber()), blankToNull(a.phone()));
        Channel channel = Params.enumValue(Channel.class, "channel", blankToNull(body.channel()));
        List<SubmittedMaterial> materials = materials(body.materials(), "materials");
        ActBody act = body.act() == null ? new ActBody(null, null, null, null) : body.act();
        return new ReceiveRequest(itemCode, applicant, channel, materials, actDetails(act, "act.", actor),
                body.conditionsMet());
    }

    /** The materials of a body, at {@code field}; the names the service checks, naming the same fields. */
    private static List<SubmittedMaterial> materials(List<MaterialBody> given, String field) {
        List<SubmittedMaterial> materials = new ArrayList<>();
        List<MaterialBody> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            MaterialBody m = list.get(i);
            if (m == null) {
                throw OneStopException.invalid(at, "材料不能为 null");
            }
            MaterialForm form = Params.enumValue(MaterialForm.class, at + ".form", Params.required(at + ".form", m.form()));
            if (m.copies() == null || m.copies() < 1) {
                throw OneStopException.invalid(at + ".copies", "份数应为正整数");
            }
            materials.add(new SubmittedMaterial(Params.required(at + ".name", m.name()), form, m.copies()));
        }
        return materials;
    }

    /**
     * {@code prefix} is where the act sits in the body: {@code act.} inside a receive request, empty alone.
     * The body's own {@code actor}, if any, is ignored for {@code actor}, the signed-in caller.
     */
    static ActDetails actDetails(ActBody body, String prefix, String actor) {
        return new ActDetails(actor, blankToNull(body.window()), blankToNull(body.note()),
                Params.date(prefix + "on", blankToNull(body.on())));
    }

    /** Where and when of an act whose body carries them at its top level; the actor is the caller. */
    private static ActDetails act(String window, String note, String on, String actor) {
        return new ActDetails(actor, blankToNull(window), blankToNull(note), Params.date("on", blankToNull(on)));
    }

    // The texts an act needs (a reason, an assignee) are checked by the case service, which names the same
    // fields; here only what a record cannot hold unchecked: enums, numbers, booleans and dates.

    static NoticeRequest notice(NoticeBody body, String actor) {
        List<MaterialProblem> problems = new ArrayList<>();
        List<ProblemBody> given = body.problems() == null ? List.of() : body.problems();
        for (int i = 0; i < given.size(); i++) {
            String at = "problems[" + i + "]";
            ProblemBody p = given.get(i);
            if (p == null) {
                throw OneStopException.invalid(at, "材料问题不能为 null");
            }
            ProblemKind kind = Params.enumValue(ProblemKind.class, at + ".kind", Params.required(at + ".kind", p.kind()));
            problems.add(new MaterialProblem(Params.required(at + ".material", p.material()), kind, blankToNull(p.detail())));
        }
        return new NoticeRequest(problems, act(body.window(), body.note(), body.on(), actor));
    }

    static SupplementRequest supplement(SupplementBody body, String actor) {
        return new SupplementRequest(materials(body.materials(), "materials"),
                act(body.window(), body.note(), body.on(), actor));
    }

    static RefusalRequest refusal(RefusalBody body, String actor) {
        return new RefusalRequest(body.reason(), body.legalBasis(), act(body.window(), body.note(), body.on(), actor));
    }

    static DecisionRequest decision(DecisionBody body, String actor) {
        Decision decision = Params.enumValue(Decision.class, "decision",
                Params.required("decision", body.decision()));
        return new DecisionRequest(decision, blankToNull(body.reason()), blankToNull(body.legalBasis()),
                blankToNull(body.result()), act(body.window(), body.note(), body.on(), actor));
    }

    /** {@code step} is the path's, already a number. */
    static StepAssignment assignment(int step, AssigneeBody body, String actor) {
        return new StepAssignment(step, body.assignee(), act(body.window(), body.note(), body.on(), actor));
    }

    static StepCompletion completion(StepCompletionBody body, String actor) {
        return new StepCompletion(body.step() == null ? 0 : body.step(), blankToNull(body.opinion()),
                act(body.window(), body.note(), body.on(), actor));
    }

    static PauseRequest pause(PauseBody body, String actor) {
        SpecialProcedure procedure = Params.enumValue(SpecialProcedure.class, "procedure",
                Params.required("procedure", body.procedure()));
        return new PauseRequest(procedure, body.reason(), act(body.window(), body.note(), body.on(), actor));
    }

    static ExtensionRequest extension(ExtensionBody body, String actor) {
        if (body.days() == null) {
            throw OneStopException.invalid("days", "缺少延期天数 days（工作日）");
        }
        return new ExtensionRequest(body.days(), body.reason(), act(body.window(), body.note(), body.on(), actor));
    }

    static ExtensionDecision extensionDecision(ExtensionDecisionBody body, String actor) {
        if (body.approved() == null) {
            throw OneStopException.invalid("approved", "缺少 approved（true 批准，false 不予批准）");
        }
        return new ExtensionDecision(body.approved(), act(body.window(), body.note(), body.on(), actor));
    }

    static JointAnswer jointAnswer(JointAnswerBody body, String actor) {
        if (body.consent() == null) {
            throw OneStopException.invalid("consent", "缺少 consent（true 同意，false 不同意）");
        }
        return new JointAnswer(body.departmentId(), body.consent(), blankToNull(body.opinion()),
                act(body.window(), body.note(), body.on(), actor));
    }

    static JointMeetingRequest jointMeeting(JointMeetingBody body, String actor) {
        List<JointOpinion> attended = new ArrayList<>();
        List<JointOpinionBody> given = body.attended() == null ? List.of() : body.attended();
        for (int i = 0; i < given.size(); i++) {
            String at = "attended[" + i + "]";
            JointOpinionBody o = given.get(i);
            if (o == null) {
                throw OneStopException.invalid(at, "参会部门不能为 null");
            }
            if (o.consent() == null) {
                throw OneStopException.invalid(at + ".consent", "缺少 consent（true 同意，false 不同意）");
            }
            attended.add(new JointOpinion(o.departmentId(), o.consent(), blankToNull(o.opinion())));
        }
        return new JointMeetingRequest(attended, act(body.window(), body.note(), body.on(), actor));
    }

    static ReportRequest report(ReportBody body, String actor) {
        return new ReportRequest(blankToNull(body.reference()), act(body.window(), body.note(), body.on(), actor));
    }

    static ReportUpdate reportUpdate(ReportUpdateBody body, String actor) {
        return new ReportUpdate(body.status(), blankToNull(body.reference()),
                act(body.window(), body.note(), body.on(), actor));
    }

    static DeliveryRequest delivery(DeliveryBody body, String actor) {
        DeliveryMethod method = Params.enumValue(DeliveryMethod.class, "method", Params.required("method", body.method()));
        return new DeliveryRequest(method, blankToNull(body.recipient()), blankToNull(body.trackingNumber()),
                blankToNull(body.address()), act(body.window(), body.note(), body.on(), actor));
    }

    static WithdrawRequest withdrawal(WithdrawBody body, String actor) {
        return new WithdrawRequest(body.reason(), act(body.window(), body.note(), body.on(), actor));
    }

    /** {@code clerk}: the caller, who owns the inquiry from now on. */
    static NewInquiry newInquiry(NewInquiryBody body, String clerk) {
        return new NewInquiry(body.subject(), body.inquirer(), blankToNull(body.phone()), blankToNull(body.itemCode()),
                clerk, blankToNull(body.window()));
    }

    /** {@code by}: the caller, who must own the inquiry. */
    static HandOver handOver(HandOverBody body, String by) {
        return new HandOver(by, body.to(), blankToNull(body.toWindow()), blankToNull(body.note()));
    }

    /**
     * A grant in the center of the path; {@code at} is where it sits in the body (empty, or {@code grants[2].}).
     * Whether the role is held per department or per seal, and that the department exists, the access
     * service checks, naming the same fields.
     */
    static RoleGrant roleGrant(GrantBody body, String centerId, String at) {
        if (body == null) {
            throw OneStopException.invalid(at.isEmpty() ? null : at.substring(0, at.length() - 1), "角色不能为 null");
        }
        Role role = Params.enumValue(Role.class, at + "role", Params.required(at + "role", body.role()));
        return new RoleGrant(role, centerId, blankToNull(body.departmentId()), blankToNull(body.sealId()));
    }

    static NewPerson newPerson(NewPersonBody body, String centerId) {
        List<RoleGrant> grants = new ArrayList<>();
        List<GrantBody> given = body.grants() == null ? List.of() : body.grants();
        for (int i = 0; i < given.size(); i++) {
            grants.add(roleGrant(given.get(i), centerId, "grants[" + i + "]."));
        }
        return new NewPerson(Params.required("account", body.account()), Params.required("name", body.name()),
                Params.required("password", body.password()), grants);
    }

    static boolean enabled(EnabledBody body) {
        if (body.enabled() == null) {
            throw OneStopException.invalid("enabled", "缺少 enabled（true 或 false）");
        }
        return body.enabled();
    }

    static NewToken newToken(NewTokenBody body) {
        String name = Params.required("name", body.name());
        if (body.scope() == null || body.scope().isEmpty()) {
            throw OneStopException.invalid("scope", "令牌至少要有一项权限（scope）");
        }
        Set<Permission> scope = EnumSet.noneOf(Permission.class);
        for (int i = 0; i < body.scope().size(); i++) {
            String at = "scope[" + i + "]";
            scope.add(Params.enumValue(Permission.class, at, Params.required(at, body.scope().get(i))));
        }
        return new NewToken(name, blankToNull(body.departmentId()), scope,
                instant("expiresAt", Params.required("expiresAt", body.expiresAt())));
    }

    /** An instant with its offset, as 2027-06-30T16:00:00Z or 2027-07-01T00:00:00+08:00. */
    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw OneStopException.invalid(field, "时间应为带时区的 ISO-8601 格式，如 2027-07-01T00:00:00+08:00：“" + text + "”");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
