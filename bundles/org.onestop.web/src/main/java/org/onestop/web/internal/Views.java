package org.onestop.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.Light;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.plugin.PluginInfo;

/**
 * The JSON shapes the API writes, separate from the domain records so that the API changes only on
 * purpose. Every enum travels by name with its Chinese label beside it ({@code kind} and
 * {@code kindLabel}); the shared Gson leaves out null fields. {@code openapi.json} describes each of them.
 */
final class Views {

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

    record EventView(int sequence, CaseAct act, String actLabel, LocalDate on, Instant at, String actor,
            String window, String note) {
    }

    record ClockView(LocalDate asOf, int limitDays, LocalDate deadline, int usedDays, int leftDays, Light light,
            String lightLabel) {
        static ClockView of(CaseClock c) {
            return new ClockView(c.asOf(), c.limitDays(), c.deadline(), c.usedDays(), c.leftDays(), c.light(),
                    c.light() == null ? null : c.light().label());
        }
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
            ClockView clock) {
        static CaseView of(Case c, CaseClock clock, boolean withQueryCode, boolean personal) {
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
                    clock == null ? null : ClockView.of(clock));
        }
    }

    /** One act of a case's timeline as the public sees it: what and when, not who or where. */
    record PublicEventView(int sequence, CaseAct act, String actLabel, LocalDate on) {
    }

    /**
     * A case's progress as the applicant follows it with the query code (办件进度查询): its state, dates and
     * clock, and of personal data only the masked name.
     */
    record PublicCaseView(String centerId, String number, String itemCode, String itemName, String departmentId,
            String applicantName, CaseState state, String stateLabel, LocalDate receivedOn, LocalDate acceptedOn,
            LocalDate deadline, LocalDate concludedOn, List<PublicEventView> timeline, ClockView clock) {
        static PublicCaseView of(Case c, CaseClock clock) {
            return new PublicCaseView(c.centerId(), c.number(), c.itemCode(), c.itemName(), c.departmentId(),
                    c.applicant() == null ? null : c.applicant().masked().name(), c.state(), label(c.state()),
                    c.receivedOn(), c.acceptedOn(), c.deadline(), c.concludedOn(),
                    c.timeline().stream().map(e -> new PublicEventView(e.sequence(), e.act(), label(e.act()), e.on()))
                            .toList(),
                    clock == null ? null : ClockView.of(clock));
        }
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

    record DeadlineView(String center, LocalDate from, int days, LocalDate deadline) {
    }

    record BetweenView(String center, LocalDate from, LocalDate to, int workingDays) {
    }

    record DaysView(String center, List<DayView> days) {
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
        return new EventView(e.sequence(), e.act(), label(e.act()), e.on(), e.at(), e.actor(), e.window(), e.note());
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
}
