package org.onestop.web.internal;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onestop.api.OneStopException;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SignIn;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.json.OneStopJson;
import org.onestop.web.internal.ApiResponse.SessionCookie;
import org.onestop.web.internal.RequestBodies.ActBody;
import org.onestop.web.internal.RequestBodies.EnabledBody;
import org.onestop.web.internal.RequestBodies.GrantBody;
import org.onestop.web.internal.RequestBodies.NewPersonBody;
import org.onestop.web.internal.RequestBodies.NewTokenBody;
import org.onestop.web.internal.RequestBodies.PasswordBody;
import org.onestop.web.internal.RequestBodies.ReceiveBody;
import org.onestop.web.internal.RequestBodies.SignInBody;
import org.onestop.web.internal.Views.BetweenView;
import org.onestop.web.internal.Views.CaseView;
import org.onestop.web.internal.Views.CasesView;
import org.onestop.web.internal.Views.CenterView;
import org.onestop.web.internal.Views.CentersView;
import org.onestop.web.internal.Views.DayView;
import org.onestop.web.internal.Views.DaysView;
import org.onestop.web.internal.Views.DeadlineView;
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
 * cannot record an act in a colleague's name. Case views show the applicant unmasked only to a caller who
 * may read personal data in the case's department.
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

    private final CatalogService catalog;
    private final CaseService cases;
    private final WorkCalendar calendar;
    private final PluginDirectory plugins;
    private final AccessService access;
    private final String version;
    private final byte[] openApi;

    /**
     * @param version the version the health check reports (the bundle's, in the distribution)
     */
    public OneStopApi(CatalogService catalog, CaseService cases, WorkCalendar calendar, PluginDirectory plugins,
            AccessService access, String version) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cases = Objects.requireNonNull(cases, "cases");
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
                get("/centers/{centerId}/cases/{number}", Set.of(), onCase(Permission.CASE_READ), this::caseView),
                new Route("POST", "/centers/{centerId}/cases/{number}/accept", Set.of(), true,
                        onCase(Permission.CASE_ACCEPT), this::accept),
                new Route("POST", "/centers/{centerId}/cases/{number}/conclude", Set.of(), true,
                        onCase(Permission.CASE_CONCLUDE), this::conclude),
                get("/public/centers/{centerId}/cases/{number}", Set.of("queryCode"), open, this::progress),
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

    private Access onCase(Permission permission) {
        return Access.onCase(permission, this::caseDepartment, OneStopApi::noSuchCase);
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
        return cases.find(call.path("centerId"), call.path("number")).map(Case::departmentId)
                .orElseThrow(() -> noSuchCase(call));
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
                .filter(c -> principal.may(Permission.CASE_READ, centerId, c.departmentId()))
                .map(c -> CaseView.of(c, cases.clock(c), false, personal(principal, c)))
                .toList();
        return ok(new CasesView(views));
    }

    private ApiResponse receive(Call call) {
        String centerId = center(call).id();
        Case received = cases.receive(centerId,
                RequestBodies.receiveRequest(call.body(ReceiveBody.class), actor(call.principal())));
        // The clerk who received the case hands the query code to the applicant: the one answer that shows it.
        CaseView view = CaseView.of(received, cases.clock(received), true, personal(call.principal(), received));
        return new ApiResponse(201, json(view),
                "/centers/" + Paths.segment(centerId) + "/cases/" + Paths.segment(received.number()), null);
    }

    private ApiResponse caseView(Call call) {
        String centerId = center(call).id();
        Case c = cases.find(centerId, call.path("number")).orElseThrow(() -> noSuchCase(call));
        return ok(CaseView.of(c, cases.clock(c), false, personal(call.principal(), c)));
    }

    private ApiResponse accept(Call call) {
        String centerId = center(call).id();
        Case c = cases.accept(centerId, call.path("number"),
                RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal())));
        return ok(CaseView.of(c, cases.clock(c), false, personal(call.principal(), c)));
    }

    private ApiResponse conclude(Call call) {
        String centerId = center(call).id();
        Case c = cases.conclude(centerId, call.path("number"),
                RequestBodies.actDetails(call.body(ActBody.class), "", actor(call.principal())));
        return ok(CaseView.of(c, cases.clock(c), false, personal(call.principal(), c)));
    }

    /**
     * A case's progress for the applicant, by number and query code. A wrong code gets the same 404 as a
     * number that does not exist, so that neither can be told apart by trying.
     */
    private ApiResponse progress(Call call) {
        String centerId = center(call).id();
        String number = call.path("number");
        String code = Params.required("queryCode", call.query("queryCode"));
        Case c = cases.find(centerId, number).filter(found -> sameSecret(code, found.queryCode()))
                .orElseThrow(() -> OneStopException.notFound("number", "办件不存在或查询码不正确：“" + number + "”"));
        return ok(PublicCaseView.of(c, cases.clock(c)));
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
        return ok(new DeadlineView(centerId, from, days, calendar.deadline(centerId, from, days)));
    }

    private ApiResponse between(Call call) {
        LocalDate from = Params.requiredDate("from", call.query("from"));
        LocalDate to = Params.requiredDate("to", call.query("to"));
        String centerId = calendarCenter(call);
        return ok(new BetweenView(centerId, from, to, calendar.workingDaysBetween(centerId, from, to)));
    }

    private ApiResponse days(Call call) {
        LocalDate from = Params.requiredDate("from", call.query("from"));
        LocalDate to = Params.requiredDate("to", call.query("to"));
        String centerId = calendarCenter(call);
        return ok(new DaysView(centerId, calendar.days(centerId, from, to).stream().map(DayView::of).toList()));
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
