package org.onestop.web.internal;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.onestop.api.OneStopException;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SignIn;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ExtensionDecision;
import org.onestop.api.cases.ExtensionRequest;
import org.onestop.api.cases.JointAnswer;
import org.onestop.api.cases.JointMeetingRequest;
import org.onestop.api.cases.NoticeRequest;
import org.onestop.api.cases.PauseRequest;
import org.onestop.api.cases.RefusalRequest;
import org.onestop.api.cases.ReportRequest;
import org.onestop.api.cases.ReportUpdate;
import org.onestop.api.cases.StepAssignment;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SupplementRequest;
import org.onestop.api.cases.WithdrawRequest;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.inquiry.HandOver;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.json.OneStopJson;
import org.onestop.web.internal.ApiResponse.SessionCookie;
import org.onestop.web.internal.RequestBodies.ActBody;
import org.onestop.web.internal.RequestBodies.AssigneeBody;
import org.onestop.web.internal.RequestBodies.CloseInquiryBody;
import org.onestop.web.internal.RequestBodies.DecisionBody;
import org.onestop.web.internal.RequestBodies.DeliveryBody;
import org.onestop.web.internal.RequestBodies.EnabledBody;
import org.onestop.web.internal.RequestBodies.ExtensionBody;
import org.onestop.web.internal.RequestBodies.ExtensionDecisionBody;
import org.onestop.web.internal.RequestBodies.GrantBody;
import org.onestop.web.internal.RequestBodies.HandOverBody;
import org.onestop.web.internal.RequestBodies.JointAnswerBody;
import org.onestop.web.internal.RequestBodies.JointMeetingBody;
import org.onestop.web.internal.RequestBodies.JointTimeoutsBody;
import org.onestop.web.internal.RequestBodies.NewInquiryBody;
import org.onestop.web.internal.RequestBodies.NewPersonBody;
import org.onestop.web.internal.RequestBodies.NewTokenBody;
import org.onestop.web.internal.RequestBodies.NoticeBody;
import org.onestop.web.internal.RequestBodies.PasswordBody;
import org.onestop.web.internal.RequestBodies.PauseBody;
import org.onestop.web.internal.RequestBodies.ReceiveBody;
import org.onestop.web.internal.RequestBodies.RefusalBody;
import org.onestop.web.internal.RequestBodies.ReportBody;
import org.onestop.web.internal.RequestBodies.ReportUpdateBody;
import org.onestop.web.internal.RequestBodies.SignInBody;
import org.onestop.web.internal.RequestBodies.StepCompletionBody;
import org.onestop.web.internal.RequestBodies.SupplementBody;
import org.onestop.web.internal.RequestBodies.WithdrawBody;
import org.onestop.web.internal.Views.BetweenView;
import org.onestop.web.internal.Views.CaseView;
import org.onestop.web.internal.Views.CasesView;
import org.onestop.web.internal.Views.CenterView;
import org.onestop.web.internal.Views.CentersView;
import org.onestop.web.internal.Views.DayView;
import org.onestop.web.internal.Views.DaysView;
import org.onestop.web.internal.Views.DeadlineView;
import org.onestop.web.internal.Views.DocumentView;
import org.onestop.web.internal.Views.DocumentsView;
import org.onestop.web.internal.Views.InquiriesView;
import org.onestop.web.internal.Views.InquiryView;
import org.onestop.web.internal.Views.JointTimeoutsView;
import org.onestop.web.internal.Views.MaterialCheckView;
import org.onestop.web.internal.Views.ProblemView;
import org.onestop.web.internal.Views.DepartmentView;
import org.onestop.web.internal.Views.DepartmentsView;
import org.onestop.web.internal.Views.HealthView;
import org.onestop.web.internal.Views.IssuedTokenView;
import org.onestop.web.internal.Views.ItemSummary;
import org.onestop.web.internal.Views.ItemView;
import org.onestop.web.internal.Views.ItemsView;
import org.onestop.web.internal.Views.PeopleView;
import org.onestop.web.internal.Views.PersonView;
import org.onestop.web.internal.Views.PluginView;
import org.onestop.web.internal.Views.PluginsView;
import org.onestop.web.internal.Views.PrincipalView;
import org.onestop.web.internal.Views.PublicCaseView;
import org.onestop.web.internal.Views.SecurityEventView;
import org.onestop.web.internal.Views.SecurityLogView;
import org.onestop.web.internal.Views.SessionView;
import org.onestop.web.internal.Views.TokenView;
import org.onestop.web.internal.Views.TokensView;

/**
 * The operations of {@code /api/v1}: each route declares who may call it, reads its parameters, calls one
 * of the platform services and writes a view. Nothing here knows HTTP beyond status codes, nor any servlet
 * type.
 *
 * <p>The actor of every act is the signed-in caller (name and account), never what a body says: a clerk
 * cannot record an act in a colleague's name. Case views show the applicant (and the delivery's recipient,
 * address and tracking number) unmasked only to a caller who may read personal data in the case's department.
 * A joint case (联办件) is read by the departments of its parts as well, and each part is answered with the
 * permission of the part's department. Documents are read by whoever reads the case, printed as whole pages,
 * and printed by the applicant with the query code; first inquiries name their clerks by account.
 *
 * <p>The calendar operations take an optional {@code center}. Without it they answer from the national
 * calendar alone (statutory holidays and make-up working days, no center's own days), which the calendar
 * gives for a null center id: picking "the first center" instead would silently apply one county's local
 * days to a question that named none. The answer carries {@code center} only when one was asked for.
 */
public final class OneStopApi {

    private static final String OPENAPI_RESOURCE = "openapi.json";

    /** The case service's own default list length, used when a list is filtered here and must be cut here. */
    private static final int DEFAULT_CASE_LIMIT = 50;
    /** The case service's largest list; what is fetched when some cases may be filtered out afterwards. */
    private static final int MAX_CASE_LIMIT = 500;
    private static final int DEFAULT_LOG_LIMIT = 100;

    private static final int DEFAULT_INQUIRY_LIMIT = 50;
    /** The path of one case, under which its acts and documents are. */
    private static final String CASE = "/centers/{centerId}/cases/{number}";
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final CatalogService catalog;
    private final CaseService cases;
    private final DocumentService documents;
    private final InquiryService inquiries;
    private final WorkCalendar calendar;
    private final PluginDirectory plugins;
    private final AccessService access;
    private final String version;
    private final byte[] openApi;

    /** @param version the version the health check reports (the bundle's, in the distribution) */
    public OneStopApi(CatalogService catalog, CaseService cases, DocumentService documents, InquiryService inquiries,
            WorkCalendar calendar, PluginDirectory plugins, AccessService access, String version) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.access = Objects.requireNonNull(access, "access");
        this.version = Objects.requireNonNull(version, "version");
        this.openApi = openApiDocument();
    }

    /** The OpenAPI 3.0 document that describes every route, as shipped in the bundle. */
    public static byte[] openApiDocument() {
        try (InputStream in = OneStopApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The router over {@link #routes()}, checking callers with the same access service. */
    public ApiRouter router() {
        return new ApiRouter(routes(), access);
    }

    public List<Route> routes() {
        Access open = Access.open();
        return List.of(
                get("/health", Set.of(), open, this::health),
                get("/openapi.json", Set.of(), open, c -> new ApiResponse(200, openApi, null, null)),
                get("/centers", Set.of(), open,
                        c -> ok(new CentersView(catalog.centers().stream().map(CenterView::of).toList()))),
                get("/centers/{centerId}", Set.of(), open, c -> ok(CenterView.of(center(c)))),
                get("/centers/{centerId}/departments", Set.of(), open, this::departments),
                get("/centers/{centerId}/departments/{departmentId}", Set.of(), open, this::department),
                get("/centers/{centerId}/items", Set.of("department", "kind", "handlingType", "q"), open, this::items),
                get("/centers/{centerId}/items/{code}", Set.of("version", "on"), open, this::item),
                get("/centers/{centerId}/cases", Set.of("state", "item", "limit"), Access.inCenter(Permission.CASE_READ),
                        this::caseList),
                new Route("POST", "/centers/{centerId}/cases", Set.of(), true,
                        Access.inDepartment(Permission.CASE_RECEIVE, this::itemDepartment), this::receive),
                get("/centers/{centerId}/cases/{number}", Set.of(), onCaseOrPart(Permission.CASE_READ), this::caseView),
                get(CASE + "/material-check", Set.of(), onCase(Permission.CASE_READ), this::materialCheck),
                post(CASE + "/notice", onCase(Permission.CASE_ACCEPT), this::notice),
                post(CASE + "/supplement", onCase(Permission.CASE_ACCEPT), this::supplement),
                post(CASE + "/accept", onCase(Permission.CASE_ACCEPT), this::accept),
                post(CASE + "/refuse", onCase(Permission.CASE_ACCEPT), this::refuse),
                post(CASE + "/on-the-spot", onCase(Permission.CASE_ACCEPT), this::onTheSpot),
                post(CASE + "/steps/{step}/assignee", onCase(Permission.CASE_DECIDE), this::assign),
                post(CASE + "/steps/complete", onCase(Permission.CASE_DECIDE), this::completeStep),
                post(CASE + "/pause", onCase(Permission.CASE_DECIDE), this::pause),
                post(CASE + "/resume", onCase(Permission.CASE_DECIDE), this::resume),
                post(CASE + "/extensions", onCase(Permission.CASE_DECIDE), this::requestExtension),
                post(CASE + "/extensions/decision", onCase(Permission.CASE_EXTEND_APPROVE), this::decideExtension),
                post(CASE + "/joint/answers", Access.onCase(Permission.CASE_DECIDE, this::answeringDepartments,
                        this::caseDepartments, OneStopApi::noSuchCase), this::answerJoint),
                post(CASE + "/joint/meetings", onCase(Permission.CASE_DECIDE), this::jointMeeting),
                post("/centers/{centerId}/joint-timeouts", Access.inCenter(Permission.MONITOR_READ), this::jointTimeouts),
                post(CASE + "/report", onCase(Permission.CASE_ACCEPT), this::report),
                post(CASE + "/report/updates", onCase(Permission.CASE_ACCEPT), this::updateReport),
                post(CASE + "/decision", onCase(Permission.CASE_DECIDE), this::decide),
                post(CASE + "/delivery", onCase(Permission.CASE_CONCLUDE), this::deliver),
                post(CASE + "/conclude", onCase(Permission.CASE_CONCLUDE), this::conclude),
                post(CASE + "/withdraw", onCase(Permission.CASE_ACCEPT), this::withdraw),
                post(CASE + "/visits", onCase(Permission.CASE_RECEIVE), this::visit),
                get(CASE + "/documents", Set.of(), onCaseOrPart(Permission.CASE_READ), this::caseDocuments),
                get(CASE + "/documents/{documentNumber}", Set.of(), onCaseOrPart(Permission.CASE_READ), this::document),
                get(CASE + "/documents/{documentNumber}/print", Set.of(), onCaseOrPart(Permission.CASE_READ),
                        this::printDocument),
                get("/public/centers/{centerId}/cases/{number}", Set.of("queryCode"), open, this::progress),
                get("/public" + CASE + "/documents/{documentNumber}/print", Set.of("queryCode"), open,
                        this::printPublicDocument),
                post("/centers/{centerId}/inquiries", Access.inCenter(Permission.INQUIRY_HANDLE), this::openInquiry),
                get("/centers/{centerId}/inquiries", Set.of("state", "owner", "limit"),
                        Access.inCenter(Permission.INQUIRY_HANDLE, Permission.MONITOR_READ), this::inquiryList),
                get("/centers/{centerId}/inquiries/{inquiryId}", Set.of(),
                        Access.inCenter(Permission.INQUIRY_HANDLE, Permission.MONITOR_READ), this::inquiry),
                post("/centers/{centerId}/inquiries/{inquiryId}/hand-over", Access.inCenter(Permission.INQUIRY_HANDLE),
                        this::handOverInquiry),
                post("/centers/{centerId}/inquiries/{inquiryId}/close", Access.inCenter(Permission.INQUIRY_HANDLE),
                        this::closeInquiry),
                get("/calendar/deadline", Set.of("from", "days", "center"), open, this::deadline),
                get("/calendar/between", Set.of("from", "to", "center"), open, this::between),
                get("/calendar/days", Set.of("from", "to", "center"), open, this::days),
                get("/plugins", Set.of(), Access.inAnyCenter(Permission.SYSTEM_READ),
                        c -> ok(new PluginsView(plugins.plugins().stream().map(PluginView::of).toList()))),
                new Route("POST", "/session", Set.of(), true, Access.signIn(), this::signIn),
                get("/session", Set.of(), Access.signedIn(), this::whoAmI),
                new Route("DELETE", "/session", Set.of(), false, open, this::signOut),
                get("/centers/{centerId}/people", Set.of(), Access.inCenter(Permission.PEOPLE_MANAGE), this::people),
                new Route("POST", "/centers/{centerId}/people", Set.of(), true,
                        Access.inCenter(Permission.PEOPLE_MANAGE), this::createPerson),
                new Route("POST", "/centers/{centerId}/people/{account}/grants", Set.of(), true,
                        Access.inCenter(Permission.PEOPLE_MANAGE), this::grant),
                new Route("DELETE", "/centers/{centerId}/people/{account}/grants", Set.of("role", "departmentId", "sealId"),
                        false, Access.inCenter(Permission.PEOPLE_MANAGE), this::revoke),
                new Route("PUT", "/centers/{centerId}/people/{account}/enabled", Set.of(), true,
                        Access.inCenter(Permission.PEOPLE_MANAGE), this::setEnabled),
                new Route("PUT", "/people/{account}/password", Set.of(), true, Access.person(), this::changePassword),
                get("/centers/{centerId}/tokens", Set.of(), Access.inCenter(Permission.TOKEN_MANAGE), this::tokens),
                new Route("POST", "/centers/{centerId}/tokens", Set.of(), true, Access.inCenter(Permission.TOKEN_MANAGE),
                        this::issueToken),
                new Route("DELETE", "/centers/{centerId}/tokens/{tokenId}", Set.of(), false,
                        Access.inCenter(Permission.TOKEN_MANAGE), this::revokeToken),
                get("/centers/{centerId}/security-log", Set.of("limit"), Access.inCenter(Permission.SECURITY_LOG_READ),
                        this::securityLog));
    }

    private static Route get(String template, Set<String> query, Access access, Route.Handler handler) {
        return new Route("GET", template, query, false, access, handler);
    }

    /** A POST with a JSON body and no query parameters, as every act is. */
    private static Route post(String template, Access access, Route.Handler handler) {
        return new Route("POST", template, Set.of(), true, access, handler);
    }

    /**
     * The permission in the case's department. A caller who may read the case nowhere (neither in its
     * department nor, for a joint case, in a part's) is told it does not exist; one who may read it, 403.
     */
    private Access onCase(Permission permission) {
        return Access.onCase(permission, call -> Set.of(caseDepartment(call)), this::caseDepartments,
                OneStopApi::noSuchCase);
    }

    /**
     * The permission in the case's department or in the department of any part of a joint case (联办件): the
     * departments asked for their opinion read the case they answer, with the applicant masked unless they
     * may read personal data in the case's own department.
     */
    private Access onCaseOrPart(Permission permission) {
        return Access.onCase(permission, this::caseDepartments, this::caseDepartments, OneStopApi::noSuchCase);
    }

    // --- platform and catalog: public ----------------------------------------------------------------

    private ApiResponse health(Call call) {
        return ok(new HealthView("UP", version, catalog.centers().size(), plugins.plugins().size()));
    }

    private ApiResponse departments(Call call) {
        String centerId = center(call).id();
        return ok(new DepartmentsView(catalog.departments(centerId).stream().map(DepartmentView::of).toList()));
    }

    private ApiResponse department(Call call) {
        String centerId = center(call).id();
        String id = call.path("departmentId");
        return ok(catalog.department(centerId, id).map(DepartmentView::of)
                .orElseThrow(() -> OneStopException.notFound("departmentId", "部门不存在：“" + id + "”")));
    }

    private ApiResponse items(Call call) {
        String centerId = center(call).id();
        ItemQuery query = new ItemQuery(call.query("department"),
                Params.enumValue(ItemKind.class, "kind", call.query("kind")),
                Params.enumValue(HandlingType.class, "handlingType", call.query("handlingType")),
                call.query("q"));
        return ok(new ItemsView(catalog.items(centerId, query).stream().map(ItemSummary::of).toList()));
    }

    private ApiResponse item(Call call) {
        String centerId = center(call).id();
        String code = call.path("code");
        Integer version = Params.integer("version", call.query("version"), 1, Integer.MAX_VALUE);
        LocalDate on = Params.date("on", call.query("on"));
        if (version != null && on != null) {
            throw OneStopException.invalid("on", "version 与 on 只能给出一个");
        }
        Item item;
        if (version != null) {
            item = catalog.itemVersion(centerId, code, version).orElseThrow(
                    () -> OneStopException.notFound("version", "事项“" + code + "”没有第 " + version + " 版"));
        } else if (on != null) {
            item = catalog.itemInForce(centerId, code, on).orElseThrow(
                    () -> OneStopException.notFound("on", "事项“" + code + "”在 " + on + " 没有生效的版本"));
        } else {
            item = catalog.item(centerId, code).orElseThrow(
                    () -> OneStopException.notFound("code", "事项不存在：“" + code + "”"));
        }
        return ok(ItemView.of(item));
    }

    // --- cases ---------------------------------------------------------------------------------------

    /** The department of the item a receive request names: the one whose clerks may receive it. */
    private String itemDepartment(Call call) {
        String centerId = call.path("centerId");
        String code = RequestBodies.itemCode(call.body(ReceiveBody.class));
        return catalog.item(centerId, code).map(Item::departmentId)
                .orElseThrow(() -> OneStopException.notFound("itemCode", "事项不存在：“" + code + "”"));
    }

    private String caseDepartment(Call call) {
        return requireCase(call).departmentId();
    }

    /** The case's department, then those of the parts of a joint case. */
    private Set<String> caseDepartments(Call call) {
        return departments(requireCase(call));
    }

    private static Set<String> departments(Case c) {
        Set<String> departments = new LinkedHashSet<>();
        departments.add(c.departmentId());
        c.progress().subCases().forEach(part -> departments.add(part.departmentId()));
        return departments;
    }

    /**
     * Where a joint answer needs its permission: the answering department of the body, when it is one of the
     * case's parts, and not the case's own department, whose reviewer may not answer for another. A body that
     * names no part (or cannot be read) needs the permission in any department that reads the case, so that
     * such a caller hears what is wrong with the body, and everyone else the usual refusal.
     */
    private Set<String> answeringDepartments(Call call) {
        Case c = requireCase(call);
        String department;
        try {
            department = RequestBodies.blankToNull(call.body(JointAnswerBody.class).departmentId());
        } catch (OneStopException | HttpProblem e) {
            // The handler reads the body again and refuses it, once the caller is known to be allowed.
            return departments(c);
        }
        boolean part = c.progress().subCases().stream().anyMatch(p -> p.departmentId().equals(department));
        return part ? Set.of(department) : departments(c);
    }

    private Case requireCase(Call call) {
        return cases.find(call.path("centerId"), call.path("number")).orElseThrow(() -> noSuchCase(call));
    }

    private static OneStopException noSuchCase(Call call) {
        return OneStopException.notFound("number", "办件不存在：“" + call.path("number") + "”");
    }

    /**
     * The cases the caller may read: all of the center for a center-wide role, those of their departments
     * for a department's clerk or reviewer (filtered by the store); each case is checked with
     * {@link Principal#may} as well.
     */
    private ApiResponse caseList(Call call) {
        String centerId = center(call).id();
        Principal principal = call.principal();
        CaseState state = Params.enumValue(CaseState.class, "state", call.query("state"));
        Integer limit = Params.integer("limit", call.query("limit"), 1, MAX_CASE_LIMIT);
        Set<String> departments = principal.departmentsFor(Permission.CASE_READ, centerId);
        int wanted = limit == null ? DEFAULT_CASE_LIMIT : limit;
        CaseQuery query = new CaseQuery(state, call.query("item"), departments, wanted);
        List<CaseView> views = cases.cases(centerId, query).stream()
                .filter(c -> departments(c).stream().anyMatch(d -> principal.may(Permission.CASE_READ, centerId, d)))
                .map(c -> caseView(c, principal, false))
                .toList();
        return ok(new CasesView(views));
    }

    private ApiResponse receive(Call call) {
        String centerId = center(call).id();
        Case received = cases.receive(centerId,
                RequestBodies.receiveRequest(call.body(ReceiveBody.class), actor(call.principal())));
        // The clerk who received the case hands the query code to the applicant: the one answer that shows it.
        CaseView view = caseView(received, call.principal(), true);
        return new ApiResponse(201, json(view),
                "/centers/" + Paths.segment(centerId) + "/cases/" + Paths.segment(received.number()), null);
    }

    private ApiResponse caseView(Call call) {
        String centerId = center(call).id();
        Case c = cases.find(centerId, call.path("number")).orElseThrow(() -> noSuchCase(call));
        return ok(caseView(c, call.principal(), false));
    }

    /** The case with its clock and the clock of each part of a joint case, on the same day. */
    private CaseView caseView(Case c, Principal principal, boolean withQueryCode) {
        CaseClock clock = cases.clock(c);
        Map<String, CaseClock> parts = new HashMap<>();
        for (SubCase part : c.progress().subCases()) {
            parts.put(part.number(), cases.clock(c, part, clock.asOf()));
        }
        return CaseView.of(c, clock, parts, withQueryCode, personal(principal, c));
    }

    private ApiResponse materialCheck(Call call) {
        String centerId = center(call).id();
        List<ProblemView> problems = cases.materialCheck(centerId, call.path("number")).stream().map(ProblemView::of)
                .toList();
        return ok(new MaterialCheckView(problems.isEmpty(), problems));
    }

    // --- the acts: each reads its body, acts as the caller, and answers the case as it now stands ---------

    /**
     * One act on the case of the path. The body's where and when ({@code window}, {@code note}, {@code on})
     * sit at its top level, where the service names them {@code act.window} and so on: a refusal names the
     * field the way the body has it.
     */
    private ApiResponse act(Call call, BiFunction<String, String, Case> act) {
        String centerId = center(call).id();
        Case c;
        try {
            c = act.apply(centerId, call.path("number"));
        } catch (OneStopException e) {
            String field = e.field();
            if (field != null && field.startsWith("act.")) {
                throw new OneStopException(e.code(), e.getMessage(), field.substring("act.".length()));
            }
            throw e;
        }
        return ok(caseView(c, call.principal(), false));
    }

    private ApiResponse notice(Call call) {
        NoticeRequest request = RequestBodies.notice(call.body(NoticeBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.issueOneTimeNotice(center, number, request));
    }

    private ApiResponse supplement(Call call) {
        SupplementRequest request = RequestBodies.supplement(call.body(SupplementBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.supplement(center, number, request));
    }

    private ApiResponse accept(Call call) {
        ActDetails details = RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal()));
        return act(call, (center, number) -> cases.accept(center, number, details));
    }

    private ApiResponse refuse(Call call) {
        RefusalRequest request = RequestBodies.refusal(call.body(RefusalBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.refuse(center, number, request));
    }

    private ApiResponse onTheSpot(Call call) {
        DecisionRequest request = RequestBodies.decision(call.body(DecisionBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.decideOnTheSpot(center, number, request));
    }

    private ApiResponse assign(Call call) {
        int step = Params.requiredInteger("step", call.path("step"), 1, Integer.MAX_VALUE);
        StepAssignment assignment = RequestBodies.assignment(step, call.body(AssigneeBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.assignStep(center, number, assignment));
    }

    private ApiResponse completeStep(Call call) {
        StepCompletion completion = RequestBodies.completion(call.body(StepCompletionBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.completeStep(center, number, completion));
    }

    private ApiResponse pause(Call call) {
        PauseRequest request = RequestBodies.pause(call.body(PauseBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.pause(center, number, request));
    }

    private ApiResponse resume(Call call) {
        ActDetails details = RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal()));
        return act(call, (center, number) -> cases.resume(center, number, details));
    }

    private ApiResponse requestExtension(Call call) {
        ExtensionRequest request = RequestBodies.extension(call.body(ExtensionBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.requestExtension(center, number, request));
    }

    private ApiResponse decideExtension(Call call) {
        ExtensionDecision decision = RequestBodies.extensionDecision(call.body(ExtensionDecisionBody.class),
                actor(call.principal()));
        return act(call, (center, number) -> cases.decideExtension(center, number, decision));
    }

    private ApiResponse answerJoint(Call call) {
        JointAnswer answer = RequestBodies.jointAnswer(call.body(JointAnswerBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.answerJoint(center, number, answer));
    }

    private ApiResponse jointMeeting(Call call) {
        JointMeetingRequest request = RequestBodies.jointMeeting(call.body(JointMeetingBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.recordJointMeeting(center, number, request));
    }

    /**
     * Applies the joint-timeout rule (超时默认) now, as the platform's timer does: every open part whose
     * deadline passed before {@code asOf} (today when absent; never a day to come) is taken to consent.
     */
    private ApiResponse jointTimeouts(Call call) {
        String centerId = center(call).id();
        // The core's today, in the time zone etc/ gives it: the timer sweeps by the same day.
        LocalDate today = cases.today();
        LocalDate asOf = Params.date("asOf", RequestBodies.blankToNull(call.body(JointTimeoutsBody.class).asOf()));
        if (asOf == null) {
            asOf = today;
        } else if (asOf.isAfter(today)) {
            throw OneStopException.invalid("asOf", "日期不能晚于今天（" + today + "）");
        }
        List<String> changed = cases.applyJointTimeouts(centerId, asOf).stream().map(Case::number).toList();
        return ok(new JointTimeoutsView(asOf, changed));
    }

    private ApiResponse report(Call call) {
        ReportRequest request = RequestBodies.report(call.body(ReportBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.report(center, number, request));
    }

    private ApiResponse updateReport(Call call) {
        ReportUpdate update = RequestBodies.reportUpdate(call.body(ReportUpdateBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.updateReport(center, number, update));
    }

    private ApiResponse decide(Call call) {
        DecisionRequest request = RequestBodies.decision(call.body(DecisionBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.decide(center, number, request));
    }

    private ApiResponse deliver(Call call) {
        DeliveryRequest request = RequestBodies.delivery(call.body(DeliveryBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.deliver(center, number, request));
    }

    private ApiResponse conclude(Call call) {
        ActDetails details = RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal()));
        return act(call, (center, number) -> cases.conclude(center, number, details));
    }

    private ApiResponse withdraw(Call call) {
        WithdrawRequest request = RequestBodies.withdrawal(call.body(WithdrawBody.class), actor(call.principal()));
        return act(call, (center, number) -> cases.withdraw(center, number, request));
    }

    private ApiResponse visit(Call call) {
        ActDetails details = RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal()));
        return act(call, (center, number) -> cases.recordVisit(center, number, details));
    }

    // --- documents ---------------------------------------------------------------------------------------

    private ApiResponse caseDocuments(Call call) {
        String centerId = center(call).id();
        Case c = requireCase(call);
        boolean personal = personal(call.principal(), c);
        return ok(new DocumentsView(documents.documents(centerId, c.number()).stream()
                .map(d -> DocumentView.of(d, personal)).toList()));
    }

    private ApiResponse document(Call call) {
        Case c = requireCase(call);
        return ok(DocumentView.of(caseDocument(call, c), personal(call.principal(), c)));
    }

    private ApiResponse printDocument(Call call) {
        Case c = requireCase(call);
        CaseDocument d = caseDocument(call, c);
        return page(documents.printable(personal(call.principal(), c) ? d : d.masked()));
    }

    /**
     * The applicant prints a document of their own case, by its number and the query code: a wrong code reads
     * as a case that does not exist, as for the progress. The applicant is masked, the clerk is named without
     * the account, and the delivery receipt (送达回证), the department's record with the address and the
     * tracking number, is not among the documents the public may print.
     */
    private ApiResponse printPublicDocument(Call call) {
        Case c = publicCase(call);
        CaseDocument d = caseDocument(call, c);
        if (d.kind() == DocumentKind.DELIVERY) {
            throw noSuchDocument(call);
        }
        CaseDocument masked = d.masked();
        CaseDocument shown = new CaseDocument(masked.number(), masked.kind(), masked.title(), masked.centerId(),
                masked.centerName(), masked.departmentId(), masked.departmentName(), masked.caseNumber(),
                masked.applicant(), masked.itemCode(), masked.itemName(), masked.act(), masked.body(), masked.bases(),
                masked.remedies(), masked.issuedOn(), withoutAccount(masked.issuedBy()), masked.digest());
        return page(documents.printable(shown));
    }

    /** The document of the path, which must be one of the case's: another case's number reads as missing. */
    private CaseDocument caseDocument(Call call, Case c) {
        return documents.document(c.centerId(), call.path("documentNumber"))
                .filter(d -> c.number().equals(d.caseNumber()))
                .orElseThrow(() -> noSuchDocument(call));
    }

    private static OneStopException noSuchDocument(Call call) {
        return OneStopException.notFound("documentNumber", "该办件没有文书“" + call.path("documentNumber") + "”");
    }

    /** "王窗口（hs.clerk）" as the public reads it: the name only, so that no account is published. */
    private static String withoutAccount(String actor) {
        if (actor == null) {
            return null;
        }
        int open = actor.lastIndexOf('（');
        return open > 0 && actor.endsWith("）") ? actor.substring(0, open) : actor;
    }

    /**
     * A page, with a Content-Security-Policy that lets it run nothing but its own inline scripts (allowed by
     * their hashes), load nothing, and be framed only by the API's own origin: the page carries text people
     * entered, escaped, and this is the second lock.
     */
    private static ApiResponse page(String html) {
        StringBuilder scripts = new StringBuilder();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            scripts.append(" 'sha256-").append(sha256(m.group(1))).append('\'');
        }
        String policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src"
                + (scripts.length() == 0 ? " 'none'" : scripts) + "; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'self'";
        return ApiResponse.page(html, Map.of("Content-Security-Policy", policy));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * A case's progress for the applicant, by number and query code. A wrong code gets the same 404 as a
     * number that does not exist, so that neither can be told apart by trying.
     */
    private ApiResponse progress(Call call) {
        Case c = publicCase(call);
        return ok(PublicCaseView.of(c, cases.clock(c)));
    }

    /** The case of the path, for the public: only with its query code, and a wrong one reads as a missing case. */
    private Case publicCase(Call call) {
        String centerId = center(call).id();
        String number = call.path("number");
        String code = Params.required("queryCode", call.query("queryCode"));
        return cases.find(centerId, number).filter(found -> sameSecret(code, found.queryCode()))
                .orElseThrow(() -> OneStopException.notFound("number", "办件不存在或查询码不正确：“" + number + "”"));
    }

    /** Whether the caller sees the applicant unmasked: only with CASE_READ_PERSONAL in the case's department. */
    private static boolean personal(Principal principal, Case c) {
        return principal.may(Permission.CASE_READ_PERSONAL, c.centerId(), c.departmentId());
    }

    /** The actor the timeline records: the name people read, and the account that proves who it was. */
    static String actor(Principal principal) {
        return principal.name() + "（" + principal.account() + "）";
    }

    // --- calendar ------------------------------------------------------------------------------------

    private ApiResponse deadline(Call call) {
        LocalDate from = Params.requiredDate("from", call.query("from"));
        // The calendar checks the range (and says so in Chinese); here only the type is checked.
        int days = Params.requiredInteger("days", call.query("days"), Integer.MIN_VALUE, Integer.MAX_VALUE);
        String centerId = calendarCenter(call);
        LocalDate deadline = calendar.deadline(centerId, from, days);
        List<Integer> unscheduled = unscheduledYears(from, deadline);
        return ok(new DeadlineView(centerId, from, days, deadline, unscheduled, unscheduledWarning(unscheduled)));
    }

    private ApiResponse between(Call call) {
        LocalDate from = Params.requiredDate("from", call.query("from"));
        LocalDate to = Params.requiredDate("to", call.query("to"));
        String centerId = calendarCenter(call);
        int workingDays = calendar.workingDaysBetween(centerId, from, to);
        List<Integer> unscheduled = unscheduledYears(from, to);
        return ok(new BetweenView(centerId, from, to, workingDays, unscheduled, unscheduledWarning(unscheduled)));
    }

    private ApiResponse days(Call call) {
        LocalDate from = Params.requiredDate("from", call.query("from"));
        LocalDate to = Params.requiredDate("to", call.query("to"));
        String centerId = calendarCenter(call);
        List<DayView> listed = calendar.days(centerId, from, to).stream().map(DayView::of).toList();
        List<Integer> unscheduled = unscheduledYears(from, to);
        return ok(new DaysView(centerId, listed, unscheduled, unscheduledWarning(unscheduled)));
    }

    /** The years from {@code a} to {@code b}, either way round, that have no national schedule loaded. */
    private List<Integer> unscheduledYears(LocalDate a, LocalDate b) {
        List<Integer> known = calendar.knownYears();
        return IntStream.rangeClosed(Math.min(a.getYear(), b.getYear()), Math.max(a.getYear(), b.getYear()))
                .filter(year -> !known.contains(year)).boxed().toList();
    }

    /** What a clerk reads when an answer rests on plain weeks; null when every year has its schedule. */
    private static String unscheduledWarning(List<Integer> years) {
        if (years.isEmpty()) {
            return null;
        }
        return years.stream().map(String::valueOf).collect(Collectors.joining("、"))
                + "年的国务院节假日安排尚未载入，暂按周一至周五为工作日计算；安排公布并放入 etc/calendar/ 后，结果可能改变";
    }

    // --- session -------------------------------------------------------------------------------------

    /**
     * Signs in and sets the session cookie. A session cookie the browser already holds is ended first, so
     * that a session someone planted in the browser (session fixation) never becomes a signed-in one: the new
     * session always has a new secret.
     */
    private ApiResponse signIn(Call call) {
        SignInBody body = call.body(SignInBody.class);
        String account = Params.required("account", body.account());
        String password = Params.required("password", body.password());
        Caller caller = call.caller();
        if (caller.sessionCookie() != null) {
            access.signOut(caller.sessionCookie(), caller.remote());
        }
        SignIn signIn = access.signIn(account, password, caller.remote());
        return new ApiResponse(200, json(SessionView.of(signIn)), null, null, new SessionCookie(signIn.sessionSecret()));
    }

    /** Who is calling; a token's caller gets the principal only, having no session. */
    private ApiResponse whoAmI(Call call) {
        Caller caller = call.caller();
        if (caller.via() == Caller.Via.SESSION) {
            return ok(SessionView.of(caller.session()));
        }
        return ok(new SessionView(PrincipalView.of(caller.principal()), null, null));
    }

    /**
     * Ends the session on the server and expires the cookie. Open to anyone, so that a browser holding a
     * cookie that is no longer live can still clear it; a live session's sign-out needs the CSRF token like
     * any other change.
     */
    private ApiResponse signOut(Call call) {
        Caller caller = call.caller();
        if (caller.sessionCookie() != null) {
            access.signOut(caller.sessionCookie(), caller.remote());
        }
        return ApiResponse.noContent(SessionCookie.expire());
    }

    // --- people --------------------------------------------------------------------------------------

    private ApiResponse people(Call call) {
        String centerId = center(call).id();
        return ok(new PeopleView(access.people(call.principal(), centerId).stream().map(PersonView::of).toList()));
    }

    private ApiResponse createPerson(Call call) {
        String centerId = center(call).id();
        var person = access.createPerson(call.principal(), centerId,
                RequestBodies.newPerson(call.body(NewPersonBody.class), centerId));
        return new ApiResponse(201, json(PersonView.of(person)), null, null);
    }

    private ApiResponse grant(Call call) {
        String centerId = center(call).id();
        RoleGrant grant = RequestBodies.roleGrant(call.body(GrantBody.class), centerId, "");
        return ok(PersonView.of(access.grant(call.principal(), call.path("account"), grant)));
    }

    /** The grant to revoke is named in the query: a DELETE body is dropped by some proxies and clients. */
    private ApiResponse revoke(Call call) {
        String centerId = center(call).id();
        Role role = Params.enumValue(Role.class, "role", Params.required("role", call.query("role")));
        RoleGrant grant = new RoleGrant(role, centerId, call.query("departmentId"), call.query("sealId"));
        return ok(PersonView.of(access.revoke(call.principal(), call.path("account"), grant)));
    }

    private ApiResponse setEnabled(Call call) {
        String centerId = center(call).id();
        boolean enabled = RequestBodies.enabled(call.body(EnabledBody.class));
        return ok(PersonView.of(access.setEnabled(call.principal(), centerId, call.path("account"), enabled)));
    }

    /** One's own password (the old one required), or an administrator's reset; the service decides which. */
    private ApiResponse changePassword(Call call) {
        PasswordBody body = call.body(PasswordBody.class);
        String newPassword = Params.required("newPassword", body.newPassword());
        access.changePassword(call.principal(), call.path("account"), RequestBodies.blankToNull(body.oldPassword()),
                newPassword);
        // A password change ends the person's sessions; when it ended the caller's own, the cookie goes too, so
        // that the browser does not keep sending a dead secret.
        Caller caller = call.caller();
        boolean ownSessionEnded = caller.via() == Caller.Via.SESSION
                && access.session(caller.sessionCookie()).isEmpty();
        return ApiResponse.noContent(ownSessionEnded ? SessionCookie.expire() : null);
    }

    // --- tokens and the security log -----------------------------------------------------------------

    private ApiResponse tokens(Call call) {
        String centerId = center(call).id();
        return ok(new TokensView(access.tokens(call.principal(), centerId).stream().map(TokenView::of).toList()));
    }

    /** The answer is the only place the token's secret ever appears. */
    private ApiResponse issueToken(Call call) {
        String centerId = center(call).id();
        var issued = access.issueToken(call.principal(), centerId, RequestBodies.newToken(call.body(NewTokenBody.class)));
        return new ApiResponse(201, json(IssuedTokenView.of(issued)), null, null);
    }

    private ApiResponse revokeToken(Call call) {
        String centerId = center(call).id();
        return ok(TokenView.of(access.revokeToken(call.principal(), centerId, call.path("tokenId"))));
    }

    private ApiResponse securityLog(Call call) {
        String centerId = center(call).id();
        Integer limit = Params.integer("limit", call.query("limit"), 1, 500);
        return ok(new SecurityLogView(access.securityLog(call.principal(), centerId,
                limit == null ? DEFAULT_LOG_LIMIT : limit).stream().map(SecurityEventView::of).toList()));
    }

    // --- first inquiries (首问负责制) -------------------------------------------------------------------
    // Clerks are named by account: whoever signs in with the owner's account may hand the inquiry on or close it.

    private ApiResponse openInquiry(Call call) {
        String centerId = center(call).id();
        Inquiry opened = inquiries.open(centerId,
                RequestBodies.newInquiry(call.body(NewInquiryBody.class), call.principal().account()));
        return new ApiResponse(201, json(InquiryView.of(opened, personalIn(call.principal(), centerId))),
                "/centers/" + Paths.segment(centerId) + "/inquiries/" + Paths.segment(opened.id()), null);
    }

    private ApiResponse inquiryList(Call call) {
        String centerId = center(call).id();
        InquiryState state = Params.enumValue(InquiryState.class, "state", call.query("state"));
        Integer limit = Params.integer("limit", call.query("limit"), 1, MAX_CASE_LIMIT);
        boolean personal = personalIn(call.principal(), centerId);
        return ok(new InquiriesView(inquiries.inquiries(centerId, state, call.query("owner"),
                limit == null ? DEFAULT_INQUIRY_LIMIT : limit).stream().map(q -> InquiryView.of(q, personal)).toList()));
    }

    private ApiResponse inquiry(Call call) {
        String centerId = center(call).id();
        String id = call.path("inquiryId");
        Inquiry q = inquiries.find(centerId, id).orElseThrow(
                () -> OneStopException.notFound("inquiryId", "首问登记“" + id + "”不存在"));
        return ok(InquiryView.of(q, personalIn(call.principal(), centerId)));
    }

    /** Only the owner may hand the inquiry over (403 for anyone else); {@code to} is the account taking it. */
    private ApiResponse handOverInquiry(Call call) {
        String centerId = center(call).id();
        HandOver handOver = RequestBodies.handOver(call.body(HandOverBody.class), call.principal().account());
        Inquiry q = onInquiry(() -> inquiries.handOver(centerId, call.path("inquiryId"), handOver));
        return ok(InquiryView.of(q, personalIn(call.principal(), centerId)));
    }

    private ApiResponse closeInquiry(Call call) {
        String centerId = center(call).id();
        CloseInquiryBody body = call.body(CloseInquiryBody.class);
        Inquiry q = onInquiry(() -> inquiries.close(centerId, call.path("inquiryId"), call.principal().account(),
                body.answer(), RequestBodies.blankToNull(body.caseNumber())));
        return ok(InquiryView.of(q, personalIn(call.principal(), centerId)));
    }

    /** An act on the inquiry of the path; the service names the inquiry {@code id}, the path {@code inquiryId}. */
    private static Inquiry onInquiry(Supplier<Inquiry> act) {
        try {
            return act.get();
        } catch (OneStopException e) {
            if ("id".equals(e.field())) {
                throw new OneStopException(e.code(), e.getMessage(), "inquiryId");
            }
            throw e;
        }
    }

    /** Whether the caller sees an inquirer unmasked: with CASE_READ_PERSONAL anywhere in the center. */
    private static boolean personalIn(Principal principal, String centerId) {
        return principal.may(Permission.CASE_READ_PERSONAL, centerId, null);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private Center center(Call call) {
        String id = call.path("centerId");
        return catalog.center(id).orElseThrow(() -> OneStopException.notFound("centerId", "中心不存在：“" + id + "”"));
    }

    /** The center named by the {@code center} parameter, or null for the national calendar. */
    private String calendarCenter(Call call) {
        String id = call.query("center");
        if (id == null) {
            return null;
        }
        return catalog.center(id).map(Center::id)
                .orElseThrow(() -> OneStopException.notFound("center", "中心不存在：“" + id + "”"));
    }

    /** Compares secrets in constant time, so that the time of a refusal tells nothing about how close a guess was. */
    private static boolean sameSecret(String given, String stored) {
        return stored != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse ok(Object view) {
        return new ApiResponse(200, json(view), null, null);
    }

    /**
     * The view as UTF-8 JSON. The shared Gson does not escape HTML; here {@code <}, {@code >}, {@code &},
     * {@code =} and {@code '} are written as Unicode escapes (less-than as backslash-u003c), so that a name such as
     * {@code <script>} that someone entered can never close a script element of a page that embeds an answer.
     * Parsers read the same text either way.
     */
    static byte[] json(Object view) {
        JsonElement tree = OneStopJson.gson().toJsonTree(view);
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setHtmlSafe(true);
            OneStopJson.gson().getAdapter(JsonElement.class).write(writer, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
