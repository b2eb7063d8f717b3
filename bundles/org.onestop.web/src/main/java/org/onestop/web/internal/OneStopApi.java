package org.onestop.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onestop.api.OneStopException;
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
import org.onestop.web.internal.RequestBodies.ActBody;
import org.onestop.web.internal.RequestBodies.ReceiveBody;
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
import org.onestop.web.internal.Views.ItemSummary;
import org.onestop.web.internal.Views.ItemView;
import org.onestop.web.internal.Views.ItemsView;
import org.onestop.web.internal.Views.PluginView;
import org.onestop.web.internal.Views.PluginsView;

/**
 * The operations of {@code /api/v1}: each route reads its parameters, calls one of the four platform
 * services and writes a view. Nothing here knows HTTP beyond status codes, nor any servlet type.
 *
 * <p>The calendar operations take an optional {@code center}. Without it they answer from the national
 * calendar alone (statutory holidays and make-up working days, no center's own days), which the calendar
 * gives for a null center id: picking "the first center" instead would silently apply one county's local
 * days to a question that named none. The answer carries {@code center} only when one was asked for.
 */
public final class OneStopApi {

    private static final String OPENAPI_RESOURCE = "openapi.json";

    private final CatalogService catalog;
    private final CaseService cases;
    private final WorkCalendar calendar;
    private final PluginDirectory plugins;
    private final String version;
    private final byte[] openApi;

    /**
     * @param version the version the health check reports (the bundle's, in the distribution)
     */
    public OneStopApi(CatalogService catalog, CaseService cases, WorkCalendar calendar, PluginDirectory plugins,
            String version) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
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

    public List<Route> routes() {
        return List.of(
                get("/health", Set.of(), this::health),
                get("/openapi.json", Set.of(), c -> new ApiResponse(200, openApi, null, null)),
                get("/centers", Set.of(), c -> ok(new CentersView(catalog.centers().stream().map(CenterView::of).toList()))),
                get("/centers/{centerId}", Set.of(), c -> ok(CenterView.of(center(c)))),
                get("/centers/{centerId}/departments", Set.of(), this::departments),
                get("/centers/{centerId}/departments/{departmentId}", Set.of(), this::department),
                get("/centers/{centerId}/items", Set.of("department", "kind", "handlingType", "q"), this::items),
                get("/centers/{centerId}/items/{code}", Set.of("version", "on"), this::item),
                get("/centers/{centerId}/cases", Set.of("state", "item", "limit"), this::caseList),
                new Route("POST", "/centers/{centerId}/cases", Set.of(), true, this::receive),
                get("/centers/{centerId}/cases/{number}", Set.of(), this::caseView),
                new Route("POST", "/centers/{centerId}/cases/{number}/accept", Set.of(), true, this::accept),
                new Route("POST", "/centers/{centerId}/cases/{number}/conclude", Set.of(), true, this::conclude),
                get("/calendar/deadline", Set.of("from", "days", "center"), this::deadline),
                get("/calendar/between", Set.of("from", "to", "center"), this::between),
                get("/calendar/days", Set.of("from", "to", "center"), this::days),
                get("/plugins", Set.of(), c -> ok(new PluginsView(plugins.plugins().stream().map(PluginView::of).toList()))));
    }

    private static Route get(String template, Set<String> query, Route.Handler handler) {
        return new Route("GET", template, query, false, handler);
    }

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

    private ApiResponse caseList(Call call) {
        String centerId = center(call).id();
        CaseState state = Params.enumValue(CaseState.class, "state", call.query("state"));
        Integer limit = Params.integer("limit", call.query("limit"), 1, 500);
        List<CaseView> views = cases.cases(centerId, new CaseQuery(state, call.query("item"), limit == null ? 0 : limit))
                .stream().map(c -> CaseView.of(c, cases.clock(c), false)).toList();
        return ok(new CasesView(views));
    }

    private ApiResponse receive(Call call) {
        String centerId = center(call).id();
        Case received = cases.receive(centerId, RequestBodies.receiveRequest(call.body(ReceiveBody.class)));
        // The clerk who received the case hands the query code to the applicant: the one answer that shows it.
        CaseView view = CaseView.of(received, cases.clock(received), true);
        return new ApiResponse(201, json(view),
                "/centers/" + Paths.segment(centerId) + "/cases/" + Paths.segment(received.number()), null);
    }

    private ApiResponse caseView(Call call) {
        String centerId = center(call).id();
        String number = call.path("number");
        Case c = cases.find(centerId, number)
                .orElseThrow(() -> OneStopException.notFound("number", "办件不存在：“" + number + "”"));
        return ok(CaseView.of(c, cases.clock(c), false));
    }

    private ApiResponse accept(Call call) {
        String centerId = center(call).id();
        Case c = cases.accept(centerId, call.path("number"), RequestBodies.actDetails(call.body(ActBody.class), ""));
        return ok(CaseView.of(c, cases.clock(c), false));
    }

    private ApiResponse conclude(Call call) {
        String centerId = center(call).id();
        Case c = cases.conclude(centerId, call.path("number"), RequestBodies.actDetails(call.body(ActBody.class), ""));
        return ok(CaseView.of(c, cases.clock(c), false));
    }

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


    static ApiResponse ok(Object view) {
        return new ApiResponse(200, json(view), null, null);
    }

    static byte[] json(Object view) {
        return OneStopJson.gson().toJson(view).getBytes(StandardCharsets.UTF_8);
    }
}
