package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.onestop.web.internal.Fixture.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.inquiry.NewInquiry;
import org.onestop.web.internal.Fixture.Who;

/**
 * Every route of the router × every caller: the public, a person holding just one role in hanshan (for each
 * role a person can hold; department roles in market), the clerk of another department, the administrator
 * of another center, and integration tokens, one narrow (read cases of market) and one wide. The routes are
 * the router's own, so a route added tomorrow is in the matrix without anyone touching this class; its
 * expected answer is computed from the route's rule and the caller's grants. Each request is one that passes
 * the rule but fails validation afterwards (an empty or half body), so that no cell changes anything the
 * next one depends on.
 */
class AccessMatrixTest extends FixtureTest {

    private static final String CENTER = "hanshan";
    /** The department of the case and the item the matrix uses. */
    private static final String DEPARTMENT = "market";
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    /**
     * Bodies that get past the rule and then fail validation. A rule that needs the body (receiving needs the
     * item) gets what it needs; every other body route gets {@code {}}, a route added tomorrow included.
     */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /centers/{centerId}/cases", "{\"itemCode\": \"HS-SCJG-003\"}"),
            Map.entry("POST /centers/{centerId}/cases/{number}/accept", "{\"on\": \"not-a-date\"}"),
            Map.entry("POST /centers/{centerId}/cases/{number}/conclude", "{\"on\": \"not-a-date\"}"),
            // {} would issue a notice (the case lacks materials), record a visit, or run the joint-timeout rule.
            Map.entry("POST /centers/{centerId}/cases/{number}/notice", "{\"on\": \"not-a-date\"}"),
            Map.entry("POST /centers/{centerId}/cases/{number}/visits", "{\"on\": \"not-a-date\"}"),
            Map.entry("POST /centers/{centerId}/joint-timeouts", "{\"asOf\": \"not-a-date\"}"));

    private enum Expect {
        UNAUTHENTICATED, FORBIDDEN, HIDDEN, ALLOWED
    }

    private String number;
    private String inquiry;
    private final Map<String, Who> callers = new LinkedHashMap<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();

    @BeforeAll
    void prepare() {
        number = fx.receiveMarketCase();
        inquiry = fx.oneStop.inquiries().open(CENTER, new NewInquiry("食品经营许可要带什么材料", "张三丰", "13912345678",
                "HS-SCJG-003", "hs.clerk", "A03")).id();
        callers.put("anonymous", Who.ANONYMOUS);
        for (Role role : Role.values()) {
            if (role == Role.INTEGRATION) {
                // The integration role belongs to tokens; a person cannot hold it.
                callers.put("INTEGRATION narrow token", fx.narrowToken);
                callers.put("INTEGRATION wide token", fx.wideToken);
            } else {
                callers.put(role.name(), fx.byRole.get(role));
                accounts.put(role.name(), Fixture.ACCOUNTS.get(role));
            }
        }
        callers.put("CLERK of hrss", fx.hrssClerk);
        accounts.put("CLERK of hrss", "hs.clerk.hrss");
        callers.put("ADMINISTRATOR of maanshan", fx.maanshanAdmin);
        accounts.put("ADMINISTRATOR of maanshan", "mas.admin");
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Route route : fx.router.routes()) {
            for (String caller : callers.keySet()) {
                cells.add(dynamicTest(route.method() + " " + route.template() + " as " + caller,
                        () -> check(route, caller)));
            }
        }
        assertEquals(fx.router.routes().size() * callers.size(), cells.size());
        return cells.stream();
    }

    private void check(Route route, String caller) {
        Who who = live(caller);
        Principal principal = fx.principal(who);
        Expect expected = expect(route.access(), principal);
        String path = fill(route.template());
        String body = route.takesBody() ? BODIES.getOrDefault(route.method() + " " + route.template(), "{}") : null;
        ApiResponse r = fx.send(who, route.method(), path, body);
        String what = route.method() + " " + path + " as " + caller + " (" + route.access() + "): " + r.status() + " "
                + r.text();
        assertTrue(r.status() < 500, what);
        switch (expected) {
            case UNAUTHENTICATED -> {
                assertEquals(401, r.status(), what);
                assertEquals("UNAUTHENTICATED", error(r).get("code").getAsString(), what);
            }
            case FORBIDDEN -> {
                assertEquals(403, r.status(), what);
                assertEquals("FORBIDDEN", error(r).get("code").getAsString(), what);
                String message = error(r).get("message").getAsString();
                for (Permission p : route.access().permissions()) {
                    assertTrue(message.contains("“" + p.label() + "”"), what);
                }
            }
            case HIDDEN -> {
                assertEquals(404, r.status(), what);
                assertEquals("number", error(r).get("field").getAsString(), what);
                ApiResponse missing = fx.send(fx.clerk, route.method(), path.replace(number, "340522-20261125-0999"), body);
                assertEquals(error(missing).get("message").getAsString().replace("0999", number.substring(16)),
                        error(r).get("message").getAsString(), "the same answer as for a case that does not exist");
            }
            case ALLOWED -> {
                assertNotEquals(401, r.status(), what);
                assertNotEquals(403, r.status(), what);
            }
            default -> fail(expected.name());
        }
    }

    /** What the rule and the caller's grants call for; the same reasoning as the router's, written from the rule. */
    private static Expect expect(Access rule, Principal p) {
        if (rule.kind() == Access.Kind.PUBLIC) {
            return Expect.ALLOWED;
        }
        if (p == null) {
            return Expect.UNAUTHENTICATED;
        }
        return switch (rule.kind()) {
            case SIGNED_IN -> Expect.ALLOWED;
            case PERSON -> p.token() ? Expect.FORBIDDEN : Expect.ALLOWED;
            case PERMISSION -> {
                // Any one of the rule's permissions will do. The case the matrix uses is not a joint case: its
                // department is the only one that reads it or acts on it.
                List<Permission> needed = rule.permissions();
                yield switch (rule.where()) {
                    case ANY_CENTER -> p.grants().stream().map(RoleGrant::centerId)
                            .anyMatch(c -> mayAny(p, needed, c, null)) ? Expect.ALLOWED : Expect.FORBIDDEN;
                    case CENTER -> mayAny(p, needed, CENTER, null) ? Expect.ALLOWED : Expect.FORBIDDEN;
                    case DEPARTMENT -> {
                        if (!mayAny(p, needed, CENTER, null)) {
                            yield Expect.FORBIDDEN;
                        }
                        if (mayAny(p, needed, CENTER, DEPARTMENT)) {
                            yield Expect.ALLOWED;
                        }
                        yield rule.hidesUnreadable() && !p.may(Permission.CASE_READ, CENTER, DEPARTMENT)
                                ? Expect.HIDDEN : Expect.FORBIDDEN;
                    }
                };
            }
            default -> throw new IllegalStateException(rule.toString());
        };
    }

    private static boolean mayAny(Principal p, List<Permission> permissions, String center, String department) {
        return permissions.stream().anyMatch(permission -> p.may(permission, center, department));
    }

    /** The template with a value for each path parameter; a new parameter must be given one here. */
    private String fill(String template) {
        Map<String, String> values = Map.of("centerId", CENTER, "departmentId", DEPARTMENT, "code", "HS-SCJG-003",
                "number", number, "account", "hs.director", "tokenId", "0123456789abcdef", "step", "2",
                "documentNumber", number + "-D1", "inquiryId", inquiry);
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertNotNull(value, "the matrix has no value for {" + m.group(1) + "} of " + template + "; add one");
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The caller's credentials, signed in again when a cell (signing out) ended the session. */
    private Who live(String caller) {
        Who who = callers.get(caller);
        if (who.cookie() != null && fx.access.session(who.cookie()).isEmpty()) {
            who = fx.signIn(accounts.get(caller));
            callers.put(caller, who);
        }
        return who;
    }

    // --- the same, written out by hand for the routes that matter most -------------------------------

    /**
     * An independent check of the matrix above, for the case, people, token, log and plugin routes: expected
     * statuses written by hand (A = allowed, 401, 403, 404 = hidden as if missing), so that a mistake made
     * both in the router and in {@link #expect} would still show.
     */
    @Test
    void handWrittenExpectationsAgree() {
        String[] routes = {"GET /centers/hanshan/cases", "POST /centers/hanshan/cases", "GET /centers/hanshan/cases/N",
            "POST /centers/hanshan/cases/N/accept", "POST /centers/hanshan/cases/N/conclude",
            "GET /centers/hanshan/people", "GET /centers/hanshan/tokens", "GET /centers/hanshan/security-log",
            "GET /plugins", "PUT /people/hs.director/password", "GET /session"};
        Map<String, String> table = new LinkedHashMap<>();
        //                                   list rcv  get  acc  con  ppl  tok  log  plg  pwd  me
        table.put("anonymous",              "401  401  401  401  401  401  401  401  401  401  401");
        table.put("ADMINISTRATOR",          "403  403  403  403  403  A    A    403  A    A    A");
        table.put("CLERK",                  "A    A    A    A    A    403  403  403  403  A    A");
        table.put("REVIEWER",               "A    403  A    403  A    403  403  403  403  A    A");
        table.put("SEAL_CUSTODIAN",         "403  403  403  403  403  403  403  403  403  A    A");
        table.put("SUPERVISOR",             "A    403  A    403  403  403  403  A    403  A    A");
        table.put("DIRECTOR",               "A    403  A    403  403  403  403  403  403  A    A");
        table.put("CLERK of hrss",          "A    403  404  404  404  403  403  403  403  A    A");
        table.put("ADMINISTRATOR of maanshan", "403  403  403  403  403  403  403  403  A    A    A");
        table.put("INTEGRATION narrow token", "A    403  A    403  403  403  403  403  403  403  A");
        table.put("INTEGRATION wide token", "A    A    A    A    A    403  403  A    A    403  A");
        for (var row : table.entrySet()) {
            String[] expected = row.getValue().trim().split("\\s+");
            assertEquals(routes.length, expected.length, row.getKey());
            for (int i = 0; i < routes.length; i++) {
                String[] route = routes[i].split(" ");
                String path = route[1].replace("/N", "/" + number);
                String body = route[0].equals("GET") ? null
                        : path.endsWith("/cases") ? "{\"itemCode\": \"HS-SCJG-003\"}" : "{\"on\": \"x\"}";
                ApiResponse r = fx.send(live(row.getKey()), route[0], path, body);
                String what = row.getKey() + " " + routes[i] + ": " + r.text();
                if (expected[i].equals("A")) {
                    assertTrue(r.status() != 401 && r.status() != 403 && r.status() < 500, what);
                } else {
                    assertEquals(Integer.parseInt(expected[i]), r.status(), what);
                }
            }
        }
    }

    /**
     * The same for the routes of case handling, documents and first inquiries, by hand: the clerk accepts and
     * receives, the reviewer decides and approves extensions, the supervisor monitors (joint timeouts) and
     * reads inquiries, clerks of every department record inquiries, and everyone who reads the case reads its
     * documents. A caller without the permission anywhere in the center gets 403; one who has it elsewhere
     * and may not read the case, 404.
     */
    @Test
    void handWrittenExpectationsAgreeForCaseHandling() {
        String[] routes = {"POST /centers/hanshan/cases/N/notice", "POST /centers/hanshan/cases/N/steps/complete",
            "POST /centers/hanshan/cases/N/extensions/decision", "POST /centers/hanshan/cases/N/visits",
            "GET /centers/hanshan/cases/N/documents", "POST /centers/hanshan/joint-timeouts",
            "GET /centers/hanshan/inquiries", "POST /centers/hanshan/inquiries"};
        Map<String, String> table = new LinkedHashMap<>();
        //                                   ntc  stp  ext  vis  doc  jto  inq  new
        table.put("anonymous",              "401  401  401  401  401  401  401  401");
        table.put("ADMINISTRATOR",          "403  403  403  403  403  403  403  403");
        table.put("CLERK",                  "A    403  403  A    A    403  A    A");
        table.put("REVIEWER",               "403  A    A    403  A    403  403  403");
        table.put("SEAL_CUSTODIAN",         "403  403  403  403  403  403  403  403");
        table.put("SUPERVISOR",             "403  403  403  403  A    A    A    403");
        table.put("DIRECTOR",               "403  403  403  403  A    403  403  403");
        table.put("CLERK of hrss",          "404  403  403  404  404  403  A    A");
        table.put("ADMINISTRATOR of maanshan", "403  403  403  403  403  403  403  403");
        table.put("INTEGRATION narrow token", "403  403  403  403  A    403  403  403");
        table.put("INTEGRATION wide token", "A    A    A    A    A    A    A    A");
        for (var row : table.entrySet()) {
            String[] expected = row.getValue().trim().split("\\s+");
            assertEquals(routes.length, expected.length, row.getKey());
            for (int i = 0; i < routes.length; i++) {
                String[] route = routes[i].split(" ");
                String path = route[1].replace("/N", "/" + number);
                String body = route[0].equals("GET") ? null : path.endsWith("joint-timeouts") ? "{\"asOf\": \"x\"}"
                        : path.endsWith("/inquiries") ? "{}" : "{\"on\": \"x\"}";
                ApiResponse r = fx.send(live(row.getKey()), route[0], path, body);
                String what = row.getKey() + " " + routes[i] + ": " + r.text();
                if (expected[i].equals("A")) {
                    assertTrue(r.status() != 401 && r.status() != 403 && r.status() != 404 && r.status() < 500, what);
                } else {
                    assertEquals(Integer.parseInt(expected[i]), r.status(), what);
                }
            }
        }
    }

    // --- default-deny ---------------------------------------------------------------------------------

    @Test
    void aRouteWithoutARuleStopsTheRouterFromBeingBuilt() {
        Route open = new Route("GET", "/forgotten", Set.of(), false, null, c -> OneStopApi.ok(Map.of()));
        List<Route> routes = new ArrayList<>(fx.api.routes());
        routes.add(open);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiRouter(routes, fx.access));
        assertTrue(e.getMessage().contains("GET /forgotten"), e.getMessage());
    }

    @Test
    void everyRouteOfTheApiDeclaresARule() {
        for (Route route : fx.api.routes()) {
            assertNotNull(route.access(), route.method() + " " + route.template());
        }
    }
}
