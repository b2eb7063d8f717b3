package org.onestop.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.IssuedToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Person;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.access.SecurityEventKind;
import org.onestop.api.access.Session;
import org.onestop.api.access.SignIn;
import org.onestop.api.calendar.DayInfo;
import org.onestop.api.calendar.DayKind;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Breach;
import org.onestop.api.cases.BreachRule;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ConsentRule;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.Delivery;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.JointMeeting;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.cases.Report;
import org.onestop.api.cases.StepProgress;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SubCaseState;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.id.Masks;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStep;
import org.onestop.api.inquiry.InquiryStepKind;
import org.onestop.api.plugin.PluginInfo;

/**
 * The JSON shapes the API writes, separate from the domain records so that the API changes only on
 * purpose. Every enum travels by name with its Chinese label beside it ({@code kind} and
 * {@code kindLabel}); the shared Gson leaves out null fields. {@code openapi.json} describes each of them.
 */
final class Views {

    /** How many characters of an address a masked view keeps: about the province, city and county. */
    private static final int ADDRESS_KEPT = 6;

    private Views() {
    }

    record CenterView(String id, String name, CenterLevel level, String levelLabel, String regionCode,
            String parentId, String address, String officeHours) {
        static CenterView of(Center c) {
            return new CenterView(c.id(), c.name(), c.level(), label(c.level()), c.regionCode(), c.parentId(),
                    c.address(), c.officeHours());
        }
    }

    record WindowView(String code, String name) {
    }

    record DepartmentView(String id, String name, String creditCode, List<WindowView> windows,
            String chiefRepresentative) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.name(), d.creditCode(),
                    d.windows().stream().map(w -> new WindowView(w.code(), w.name())).toList(),
                    d.chiefRepresentative());
        }
    }

    record ItemSummary(String code, int version, String name, ItemKind kind, String kindLabel, String departmentId,
            HandlingType handlingType, String handlingTypeLabel, int legalLimitDays, int promisedLimitDays) {
        static ItemSummary of(Item i) {
            return new ItemSummary(i.code(), i.version(), i.name(), i.kind(), label(i.kind()), i.departmentId(),
                    i.handlingType(), label(i.handlingType()), i.legalLimitDays(), i.promisedLimitDays());
        }
    }

    record LegalBasisView(String document, String article) {
    }

    record MaterialView(String name, MaterialForm form, String formLabel, int copies, boolean required,
            String condition, String source, String template) {
    }

    record StepView(String name, String role, int limitDays) {
    }

    /** An enum value in a list, where a parallel label field would not do. */
    record CodeLabel(String code, String label) {
    }

    record ItemView(String code, int version, LocalDate effectiveFrom, String name, ItemKind kind, String kindLabel,
            String departmentId, List<LegalBasisView> legalBases, HandlingType handlingType,
            String handlingTypeLabel, int legalLimitDays, int promisedLimitDays, List<String> acceptanceConditions,
            List<MaterialView> materials, List<StepView> steps, List<CodeLabel> specialProcedures,
            List<String> feeCodes, String result, String location, String consultationPhone, String complaintPhone) {
        static ItemView of(Item i) {
            return new ItemView(i.code(), i.version(), i.effectiveFrom(), i.name(), i.kind(), label(i.kind()),
                    i.departmentId(),
                    i.legalBases().stream().map(b -> new LegalBasisView(b.document(), b.article())).toList(),
                    i.handlingType(), label(i.handlingType()), i.legalLimitDays(), i.promisedLimitDays(),
                    i.acceptanceConditions(),
                    i.materials().stream().map(m -> new MaterialView(m.name(), m.form(), label(m.form()), m.copies(),
                            m.required(), m.condition(), m.source(), m.template())).toList(),
                    i.steps().stream().map(s -> new StepView(s.name(), s.role(), s.limitDays())).toList(),
                    i.specialProcedures().stream().map(p -> new CodeLabel(p.name(), p.label())).toList(),
                    i.feeCodes(), i.result(), i.location(), i.consultationPhone(), i.complaintPhone());
        }
    }

    /**
     * Built from {@link org.onestop.api.cases.Applicant#masked()} unless the caller may read the applicant's
     * personal data in the case's department.
     */
    record ApplicantView(ApplicantType type, String typeLabel, String name, String idNumber, String phone) {
    }

    record SubmittedMaterialView(String name, MaterialForm form, String formLabel, int copies) {
    }

    /** One event; {@code data} is what the act decided, by name (never personal data), as the platform wrote it. */
    record EventView(int sequence, CaseAct act, String actLabel, LocalDate on, Instant at, String actor,
            String window, String note, Map<String, String> data) {
    }

    /**
     * Where a case, or one part of a joint case, stands against its limit: the days of special procedures
     * (not counted) and of approved extensions are shown apart, and {@code running} says whether the clock
     * runs now.
     */
    record ClockView(LocalDate asOf, int limitDays, LocalDate deadline, int usedDays, int leftDays, Light light,
            String lightLabel, int pausedDays, int extensionDays, boolean running) {
        static ClockView of(CaseClock c) {
            return new ClockView(c.asOf(), c.limitDays(), c.deadline(), c.usedDays(), c.leftDays(), c.light(),
                    c.light() == null ? null : c.light().label(), c.pausedDays(), c.extensionDays(), c.running());
        }
    }

    record ProblemView(String material, ProblemKind kind, String kindLabel, String detail) {
        static ProblemView of(MaterialProblem p) {
            return new ProblemView(p.material(), p.kind(), label(p.kind()), p.detail());
        }
    }

    /** What the platform's check finds wrong with a case's materials; {@code complete} when nothing. */
    record MaterialCheckView(boolean complete, List<ProblemView> problems) {
    }

    record StepProgressView(int number, String name, String role, int limitDays, String assignee, LocalDate startedOn,
            LocalDate due, LocalDate completedOn, String completedBy, String opinion, boolean completed) {
        static StepProgressView of(StepProgress s) {
            return new StepProgressView(s.number(), s.name(), s.role(), s.limitDays(), s.assignee(), s.startedOn(),
                    s.due(), s.completedOn(), s.completedBy(), s.opinion(), s.completed());
        }
    }

    record PauseView(SpecialProcedure procedure, String procedureLabel, String reason, LocalDate from, LocalDate to,
            int workingDays, boolean running) {
        static PauseView of(PauseRecord p) {
            return new PauseView(p.procedure(), label(p.procedure()), p.reason(), p.from(), p.to(), p.workingDays(),
                    p.running());
        }
    }

    record ExtensionView(int days, String reason, String requestedBy, LocalDate requestedOn, ExtensionStatus status,
            String statusLabel, String decidedBy, LocalDate decidedOn, String note) {
        static ExtensionView of(Extension e) {
            return new ExtensionView(e.days(), e.reason(), e.requestedBy(), e.requestedOn(), e.status(),
                    e.status() == null ? null : e.status().label(), e.decidedBy(), e.decidedOn(), e.note());
        }
    }

    /** One department's part of a joint case, with its own clock. */
    record SubCaseView(String number, String departmentId, int limitDays, LocalDate startedOn, LocalDate deadline,
            SubCaseState state, String stateLabel, ConsentRule rule, String ruleLabel, String answeredBy,
            LocalDate answeredOn, String opinion, ClockView clock) {
        static SubCaseView of(SubCase s, CaseClock clock) {
            return new SubCaseView(s.number(), s.departmentId(), s.limitDays(), s.startedOn(), s.deadline(), s.state(),
                    s.state() == null ? null : s.state().label(), s.rule(), s.rule() == null ? null : s.rule().label(),
                    s.answeredBy(), s.answeredOn(), s.opinion(), clock == null ? null : ClockView.of(clock));
        }
    }

    record MeetingView(LocalDate heldOn, List<String> attended, List<String> absent, String recorder) {
        static MeetingView of(JointMeeting m) {
            return new MeetingView(m.heldOn(), m.attended(), m.absent(), m.recorder());
        }
    }

    record ReportView(String toCenterId, String toCenterName, LocalDate reportedOn, String reference, String status,
            LocalDate statusOn) {
        static ReportView of(Report r) {
            return r == null ? null : new ReportView(r.toCenterId(), r.toCenterName(), r.reportedOn(), r.reference(),
                    r.status(), r.statusOn());
        }
    }

    /**
     * How the decision reached the applicant. The recipient, the address and the tracking number are personal
     * data: masked like the applicant unless the caller may read personal data in the case's department.
     */
    record DeliveryView(DeliveryMethod method, String methodLabel, String recipient, String trackingNumber,
            String address, LocalDate deliveredOn) {
        static DeliveryView of(Delivery d, boolean personal) {
            if (d == null) {
                return null;
            }
            return new DeliveryView(d.method(), label(d.method()), personal ? d.recipient() : Masks.personName(d.recipient()),
                    personal ? d.trackingNumber() : Masks.phone(d.trackingNumber()),
                    personal ? d.address() : maskedAddress(d.address()), d.deliveredOn());
        }
    }

    record BreachView(BreachRule rule, String ruleLabel, LocalDate on, String actor, String detail) {
        static BreachView of(Breach b) {
            return new BreachView(b.rule(), b.rule() == null ? null : b.rule().label(), b.on(), b.actor(), b.detail());
        }
    }

    /**
     * Everything a case went through beyond its state (see {@link CaseProgress}): notices, steps, special
     * procedures, extensions, joint parts with their clocks, meetings, report, decision, delivery, visits and
     * breaches of the center's rules.
     */
    record ProgressView(List<String> conditionsMet, List<ProblemView> flagged, List<String> settled, int notices,
            boolean completeAtIntake, int visits, List<StepProgressView> steps, List<PauseView> pauses,
            List<ExtensionView> extensions, List<SubCaseView> subCases, List<MeetingView> meetings, ReportView report,
            Decision decision, String decisionLabel, DeliveryView delivery, List<BreachView> breaches) {
        static ProgressView of(CaseProgress p, Map<String, CaseClock> partClocks, boolean personal) {
            return new ProgressView(p.conditionsMet(), p.flagged().stream().map(ProblemView::of).toList(), p.settled(),
                    p.notices(), p.completeAtIntake(), p.visits(), p.steps().stream().map(StepProgressView::of).toList(),
                    p.pauses().stream().map(PauseView::of).toList(),
                    p.extensions().stream().map(ExtensionView::of).toList(),
                    p.subCases().stream().map(s -> SubCaseView.of(s, partClocks.get(s.number()))).toList(),
                    p.meetings().stream().map(MeetingView::of).toList(), ReportView.of(p.report()), p.decision(),
                    label(p.decision()), DeliveryView.of(p.delivery(), personal),
                    p.breaches().stream().map(BreachView::of).toList());
        }
    }

    /** A document an act issued, as its event names it: enough to fetch or print it. */
    record DocumentRefView(String number, CaseAct act, String actLabel, LocalDate on) {
    }

    /**
     * A case as the staff see it. The query code (查询码) is the applicant's secret for following the case;
     * it is shown only in the answer to the clerk who received the case, never in a view anyone can fetch by
     * number or list. The applicant is masked unless the caller may read personal data in the department.
     */
    record CaseView(String centerId, String number, String queryCode, String itemCode, int itemVersion,
            String itemName, String departmentId, ApplicantView applicant, Channel channel, String channelLabel,
            List<SubmittedMaterialView> materials, CaseState state, String stateLabel, LocalDate receivedOn,
            LocalDate acceptedOn, LocalDate deadline, LocalDate concludedOn, int revision, List<EventView> timeline,
            ClockView clock, ProgressView progress, List<DocumentRefView> documents) {
        /**
         * @param partClocks the clock of each part of a joint case, by the part's number
         */
        static CaseView of(Case c, CaseClock clock, Map<String, CaseClock> partClocks, boolean withQueryCode,
                boolean personal) {
            var a = c.applicant() == null ? null : personal ? c.applicant() : c.applicant().masked();
            return new CaseView(c.centerId(), c.number(), withQueryCode ? c.queryCode() : null, c.itemCode(),
                    c.itemVersion(), c.itemName(), c.departmentId(),
                    a == null ? null : new ApplicantView(a.type(), label(a.type()), a.name(), a.idNumber(), a.phone()),
                    c.channel(), label(c.channel()),
                    c.materials().stream().map(m -> new SubmittedMaterialView(m.name(), m.form(), label(m.form()),
                            m.copies())).toList(),
                    c.state(), label(c.state()), c.receivedOn(), c.acceptedOn(), c.deadline(), c.concludedOn(),
                    c.revision(),
                    c.timeline().stream().map(Views::event).toList(),
                    clock == null ? null : ClockView.of(clock), ProgressView.of(c.progress(), partClocks, personal),
                    documentRefs(c, false));
        }
    }

    /** One act of a case's timeline as the public sees it: what and when, not who or where. */
    record PublicEventView(int sequence, CaseAct act, String actLabel, LocalDate on) {
    }

    /** A step as the public sees it: its name and whether it is done, not who does it. */
    record PublicStepView(int number, String name, boolean done) {
    }

    /** A special procedure as the public sees it: which, and the days not counted; not the reason, which is staff text. */
    record PublicPauseView(SpecialProcedure procedure, String procedureLabel, LocalDate from, LocalDate to,
            int workingDays) {
    }

    /**
     * A case's progress as the applicant follows it with the query code (办件进度查询): its state, dates,
     * clock and light, steps, special procedures, decision and how it was delivered, and the documents the
     * applicant may print; of personal data only the masked name. Never a member of staff, an address or a
     * tracking number.
     */
    record PublicCaseView(String centerId, String number, String itemCode, String itemName, String departmentId,
            String applicantName, CaseState state, String stateLabel, LocalDate receivedOn, LocalDate acceptedOn,
            LocalDate deadline, LocalDate concludedOn, List<PublicEventView> timeline, ClockView clock,
            List<PublicStepView> steps, List<PublicPauseView> pauses, Decision decision, String decisionLabel,
            DeliveryMethod deliveryMethod, String deliveryMethodLabel, List<DocumentRefView> documents) {
        static PublicCaseView of(Case c, CaseClock clock) {
            CaseProgress p = c.progress();
            DeliveryMethod method = p.delivery() == null ? null : p.delivery().method();
            return new PublicCaseView(c.centerId(), c.number(), c.itemCode(), c.itemName(), c.departmentId(),
                    c.applicant() == null ? null : c.applicant().masked().name(), c.state(), label(c.state()),
                    c.receivedOn(), c.acceptedOn(), c.deadline(), c.concludedOn(),
                    c.timeline().stream().map(e -> new PublicEventView(e.sequence(), e.act(), label(e.act()), e.on()))
                            .toList(),
                    clock == null ? null : ClockView.of(clock),
                    p.steps().stream().map(s -> new PublicStepView(s.number(), s.name(), s.completed())).toList(),
                    p.pauses().stream().map(r -> new PublicPauseView(r.procedure(), label(r.procedure()), r.from(),
                            r.to(), r.workingDays())).toList(),
                    p.decision(), label(p.decision()), method, label(method), documentRefs(c, true));
        }
    }

    /**
     * The documents the case's acts issued, oldest first, from the {@code document} entry of each event. For
     * the public, only those addressed to the applicant: not the delivery receipt (送达回证), the department's
     * own record, which carries the address and the tracking number.
     */
    static List<DocumentRefView> documentRefs(Case c, boolean publicOnly) {
        return c.timeline().stream()
                .filter(e -> e.data().containsKey("document"))
                .filter(e -> !publicOnly || e.act() != CaseAct.DELIVER)
                .map(e -> new DocumentRefView(e.data().get("document"), e.act(), label(e.act()), e.on()))
                .toList();
    }

    // --- documents ------------------------------------------------------------------------------------------

    /** A document (文书) as data; the applicant is masked unless the caller may read personal data. */
    record DocumentView(String number, DocumentKind kind, String kindLabel, String title, String centerId,
            String centerName, String departmentId, String departmentName, String caseNumber, ApplicantView applicant,
            String itemCode, String itemName, CaseAct act, String actLabel, List<String> body, List<String> bases,
            List<String> remedies, LocalDate issuedOn, String issuedBy, String digest) {
        static DocumentView of(CaseDocument d, boolean personal) {
            CaseDocument shown = personal ? d : d.masked();
            Applicant a = shown.applicant();
            return new DocumentView(shown.number(), shown.kind(), shown.kind() == null ? null : shown.kind().title(),
                    shown.title(), shown.centerId(), shown.centerName(), shown.departmentId(), shown.departmentName(),
                    shown.caseNumber(), a == null ? null : new ApplicantView(a.type(), label(a.type()), a.name(),
                            a.idNumber(), a.phone()),
                    shown.itemCode(), shown.itemName(), shown.act(), label(shown.act()), shown.body(), shown.bases(),
                    shown.remedies(), shown.issuedOn(), shown.issuedBy(), shown.digest());
        }
    }

    record DocumentsView(List<DocumentView> documents) {
    }

    // --- joint timeouts ---------------------------------------------------------------------------------------

    /** The cases whose overdue joint parts were taken to consent (超时默认) on {@code asOf}. */
    record JointTimeoutsView(LocalDate asOf, List<String> cases) {
    }

    // --- first inquiries --------------------------------------------------------------------------------------

    record InquiryStepView(int sequence, InquiryStepKind kind, String kindLabel, Instant at, String actor, String owner,
            String window, String note) {
        static InquiryStepView of(InquiryStep s) {
            return new InquiryStepView(s.sequence(), s.kind(), s.kind() == null ? null : s.kind().label(), s.at(),
                    s.actor(), s.owner(), s.window(), s.note());
        }
    }

    /**
     * A first inquiry (首问登记). The inquirer's name and phone are masked unless the caller may read personal
     * data in the center. Clerks are named by their accounts: the owner is whoever signs in with that account.
     */
    record InquiryView(String id, String centerId, String subject, String inquirer, String phone, String itemCode,
            String firstClerk, String owner, String window, InquiryState state, String stateLabel, String caseNumber,
            Instant openedAt, List<InquiryStepView> history) {
        static InquiryView of(Inquiry q, boolean personal) {
            return new InquiryView(q.id(), q.centerId(), q.subject(), personal ? q.inquirer() : Masks.personName(q.inquirer()),
                    personal ? q.phone() : Masks.phone(q.phone()), q.itemCode(), q.firstClerk(), q.owner(), q.window(),
                    q.state(), q.state() == null ? null : q.state().label(), q.caseNumber(), q.openedAt(),
                    q.history().stream().map(InquiryStepView::of).toList());
        }
    }

    record InquiriesView(List<InquiryView> inquiries) {
    }

    /** A permission in a list, with its label. */
    record PermissionView(Permission code, String label) {
    }

    record GrantView(Role role, String roleLabel, String centerId, String departmentId, String sealId) {
        static GrantView of(RoleGrant g) {
            return new GrantView(g.role(), g.role() == null ? null : g.role().label(), g.centerId(), g.departmentId(),
                    g.sealId());
        }
    }

    /**
     * Who is signed in: a person with their role grants, or an integration token with its scope
     * ({@code scope} appears only for a token).
     */
    record PrincipalView(String account, String name, boolean token, List<GrantView> grants,
            List<PermissionView> scope) {
        static PrincipalView of(Principal p) {
            return new PrincipalView(p.account(), p.name(), p.token(), p.grants().stream().map(GrantView::of).toList(),
                    p.token() ? permissions(p.scope()) : null);
        }
    }

    /** A session: the principal, and what a browser needs; a token's caller gets neither csrfToken nor expiresAt. */
    record SessionView(PrincipalView principal, String csrfToken, Instant expiresAt) {
        static SessionView of(SignIn s) {
            return new SessionView(PrincipalView.of(s.principal()), s.csrfToken(), s.expiresAt());
        }

        static SessionView of(Session s) {
            return new SessionView(PrincipalView.of(s.principal()), s.csrfToken(), s.expiresAt());
        }
    }

    /** A person as administrators see them: never a password or its hash. */
    record PersonView(String account, String name, boolean enabled, List<GrantView> grants, Instant lockedUntil) {
        static PersonView of(Person p) {
            return new PersonView(p.account(), p.name(), p.enabled(), p.grants().stream().map(GrantView::of).toList(),
                    p.lockedUntil());
        }
    }

    record PeopleView(List<PersonView> people) {
    }

    /** A token as administrators see it: never its secret. */
    record TokenView(String id, String centerId, String departmentId, String name, List<PermissionView> scope,
            String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.centerId(), t.departmentId(), t.name(), permissions(t.scope()),
                    t.createdBy(), t.createdAt(), t.expiresAt(), t.revokedAt());
        }
    }

    record TokensView(List<TokenView> tokens) {
    }

    /** The answer to issuing a token: the one time its secret is shown. */
    record IssuedTokenView(TokenView token, String secret) {
        static IssuedTokenView of(IssuedToken t) {
            return new IssuedTokenView(TokenView.of(t.token()), t.secret());
        }
    }

    record SecurityEventView(long sequence, Instant at, String centerId, String actor, SecurityEventKind kind,
            String kindLabel, String subject, String detail, String remote) {
        static SecurityEventView of(SecurityEvent e) {
            return new SecurityEventView(e.sequence(), e.at(), e.centerId(), e.actor(), e.kind(),
                    e.kind() == null ? null : e.kind().label(), e.subject(), e.detail(), e.remote());
        }
    }

    record SecurityLogView(List<SecurityEventView> events) {
    }

    record DayView(LocalDate date, DayKind kind, String kindLabel, String name, boolean working) {
        static DayView of(DayInfo d) {
            return new DayView(d.date(), d.kind(), label(d.kind()), d.name(), d.working());
        }
    }

    record PluginView(String kind, String id, String label) {
        static PluginView of(PluginInfo p) {
            return new PluginView(p.kind(), p.id(), p.label());
        }
    }

    record HealthView(String status, String version, int centers, int plugins) {
    }

    record CentersView(List<CenterView> centers) {
    }

    record DepartmentsView(List<DepartmentView> departments) {
    }

    record ItemsView(List<ItemSummary> items) {
    }

    record CasesView(List<CaseView> cases) {
    }

    record PluginsView(List<PluginView> plugins) {
    }

    /**
     * Each calendar answer names the years of its span that have no State Council schedule loaded (counted as
     * plain weeks, so a later notice may change the answer), with a warning in Chinese when there are any.
     */
    record DeadlineView(String center, LocalDate from, int days, LocalDate deadline, List<Integer> unscheduledYears,
            String warning) {
    }

    record BetweenView(String center, LocalDate from, LocalDate to, int workingDays, List<Integer> unscheduledYears,
            String warning) {
    }

    record DaysView(String center, List<DayView> days, List<Integer> unscheduledYears, String warning) {
    }

    record ErrorView(ErrorDetail error) {
    }

    record ErrorDetail(String code, String message, String field) {
    }

    /** Permissions in the order of the enum, each with its label. */
    private static List<PermissionView> permissions(Set<Permission> scope) {
        return scope.stream().sorted(Comparator.naturalOrder()).map(p -> new PermissionView(p, p.label())).toList();
    }

    private static EventView event(CaseEvent e) {
        return new EventView(e.sequence(), e.act(), label(e.act()), e.on(), e.at(), e.actor(), e.window(), e.note(),
                new TreeMap<>(e.data()));
    }

    /** An address shown masked: the first few characters (the region), not the street and door. */
    static String maskedAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int keep = Math.min(ADDRESS_KEPT, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    // Each enum has its own label(); these keep a null enum (a record read from an old row) from failing the view.
    private static String label(CenterLevel v) {
        return v == null ? null : v.label();
    }

    private static String label(ItemKind v) {
        return v == null ? null : v.label();
    }

    private static String label(HandlingType v) {
        return v == null ? null : v.label();
    }

    private static String label(MaterialForm v) {
        return v == null ? null : v.label();
    }

    private static String label(ApplicantType v) {
        return v == null ? null : v.label();
    }

    private static String label(Channel v) {
        return v == null ? null : v.label();
    }

    private static String label(CaseState v) {
        return v == null ? null : v.label();
    }

    private static String label(CaseAct v) {
        return v == null ? null : v.label();
    }

    private static String label(DayKind v) {
        return v == null ? null : v.label();
    }

    private static String label(ProblemKind v) {
        return v == null ? null : v.label();
    }

    private static String label(SpecialProcedure v) {
        return v == null ? null : v.label();
    }

    private static String label(Decision v) {
        return v == null ? null : v.label();
    }

    private static String label(DeliveryMethod v) {
        return v == null ? null : v.label();
    }
}
