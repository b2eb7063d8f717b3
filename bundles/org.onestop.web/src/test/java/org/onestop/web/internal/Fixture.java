package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.CaseService;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.Material;
import org.onestop.api.id.ResidentId;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;
import org.onestop.sdk.OneStop;
import org.onestop.web.internal.ApiRequest.Credentials;

/**
 * The real services (the SDK over an embedded database in a temporary folder) with the two demo catalogs
 * of the distribution, maanshan and hanshan, a router over them, and the staff of hanshan: one person for
 * each role a person can hold (department roles in the market department, 市场监督管理局), a clerk of the
 * hrss department, an administrator of maanshan, and two integration tokens. Today is Wednesday 2026-11-25
 * in China, for the services and the router alike; the clock moves only when a test moves it. Passwords are
 * hashed with a cheap Argon2 cost, which only tests may use.
 *
 * <p>For the scenario tests: {@link #as} signs in a person of any role in any department (created on first
 * use), {@link #receiveComplete} receives a case of any item with its required materials (for a past business
 * day too), {@link #act} and {@link #acted} post an act on a case by number, {@link #caseOf} and
 * {@link #publicProgress} read it back, and {@code clock.advance(...)} moves today for everyone.
 */
final class Fixture implements AutoCloseable {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-11-25T02:00:00Z");
    static final Path DEMO_CATALOGS = Path.of("../../distribution/src/main/demo-base/etc/catalog");

    /** A valid resident ID (GB 11643) of someone from Hanshan county. */
    static final String PERSON_ID = withCheck("34052219900101123");
    /** Everyone's password here: 10 characters or more, letters and digits. */
    static final String PASSWORD = "Correct-horse-9";
    static final String SEAL = "hs-seal-01";
    static final String REMOTE = "127.0.0.1";
    /** The four required materials of the food business licence (HS-SCJG-003), as a JSON array. */
    static final String FOOD_MATERIALS = """
            [{"name": "食品经营许可申请书", "form": "ORIGINAL", "copies": 1},
             {"name": "营业执照或者其他主体资格证明文件", "form": "COPY", "copies": 1},
             {"name": "与食品经营相适应的主要设备设施、经营布局、操作流程等文件", "form": "ORIGINAL", "copies": 1},
             {"name": "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度", "form": "ORIGINAL", "copies": 1}]""";

    /** The person holding each role in hanshan (INTEGRATION is a token's role and has no person). */
    static final Map<Role, String> ACCOUNTS = Map.of(
            Role.ADMINISTRATOR, "hs.admin", Role.CLERK, "hs.clerk", Role.REVIEWER, "hs.reviewer",
            Role.SEAL_CUSTODIAN, "hs.seal", Role.SUPERVISOR, "hs.supervisor", Role.DIRECTOR, "hs.director");
    static final Map<String, String> NAMES = Map.of("hs.admin", "管理员甲", "hs.clerk", "王窗口", "hs.reviewer", "李审核",
            "hs.seal", "赵印章", "hs.supervisor", "钱督查", "hs.director", "孙主任", "hs.clerk.hrss", "周人社",
            "mas.admin", "吴市管");

    final MutableClock clock = new MutableClock(START, CHINA);
    final OneStop oneStop;
    final AccessService access;
    final OneStopApi api;
    final ApiRouter router;

    /** Signed in: the hanshan people by role, the hrss clerk, the maanshan administrator. */
    final Map<Role, Who> byRole = new LinkedHashMap<>();
    final Who admin;
    final Who clerk;
    final Who reviewer;
    final Who supervisor;
    final Who hrssClerk;
    final Who maanshanAdmin;
    /** A token that may only read cases, and only in market. */
    final Who narrowToken;
    /** A token with every permission a token may have, in all of hanshan. */
    final Who wideToken;
    /** The callers {@link #as} made, by account. */
    private final Map<String, Who> people = new ConcurrentHashMap<>();

    Fixture(Path dataDir) {
        this(dataDir, UnaryOperator.identity());
    }

    /** @param cases wraps the real case service, for the tests that need it to fail in a given way */
    Fixture(Path dataDir, UnaryOperator<CaseService> cases) {
        assertTrue(Files.isRegularFile(DEMO_CATALOGS.resolve("hanshan.json")), "demo catalogs at " + DEMO_CATALOGS.toAbsolutePath());
        oneStop = OneStop.builder().dataDir(dataDir).clock(clock).discoverPlugins(false)
                .passwordHashing(64, 1, 1).listener(new JournalListener()).build();
        oneStop.importCatalog(DEMO_CATALOGS.resolve("maanshan.json"));
        oneStop.importCatalog(DEMO_CATALOGS.resolve("hanshan.json"));
        access = oneStop.access();
        api = api(oneStop.catalog(), cases.apply(oneStop.cases()), oneStop.calendar());
        router = api.router();

        access.createFirstAdministrator("hanshan", new NewPerson("hs.admin", NAMES.get("hs.admin"), PASSWORD,
                List.of(RoleGrant.center(Role.ADMINISTRATOR, "hanshan"))));
        access.createFirstAdministrator("maanshan", new NewPerson("mas.admin", NAMES.get("mas.admin"), PASSWORD,
                List.of(RoleGrant.center(Role.ADMINISTRATOR, "maanshan"))));
        Principal hsAdmin = access.signIn("hs.admin", PASSWORD, REMOTE).principal();
        for (Map.Entry<Role, String> e : ACCOUNTS.entrySet()) {
            if (e.getKey() != Role.ADMINISTRATOR) {
                access.createPerson(hsAdmin, "hanshan", new NewPerson(e.getValue(), NAMES.get(e.getValue()), PASSWORD,
                        List.of(grantOf(e.getKey()))));
            }
        }
        access.createPerson(hsAdmin, "hanshan", new NewPerson("hs.clerk.hrss", NAMES.get("hs.clerk.hrss"), PASSWORD,
                List.of(RoleGrant.department(Role.CLERK, "hanshan", "hrss"))));
        for (Role role : Role.values()) {
            if (ACCOUNTS.containsKey(role)) {
                byRole.put(role, signIn(ACCOUNTS.get(role)));
            }
        }
        admin = byRole.get(Role.ADMINISTRATOR);
        clerk = byRole.get(Role.CLERK);
        reviewer = byRole.get(Role.REVIEWER);
        supervisor = byRole.get(Role.SUPERVISOR);
        hrssClerk = signIn("hs.clerk.hrss");
        maanshanAdmin = signIn("mas.admin");
        Instant inAMonth = START.plus(Duration.ofDays(30));
        narrowToken = Who.bearer(access.issueToken(hsAdmin, "hanshan", new NewToken("市场局办件查询", "market",
                Set.of(Permission.CASE_READ), inAMonth)).secret());
        wideToken = Who.bearer(access.issueToken(hsAdmin, "hanshan", new NewToken("省政务服务平台数据交换", null,
                Set.of(Permission.CASE_RECEIVE, Permission.CASE_ACCEPT, Permission.CASE_DECIDE,
                        Permission.CASE_EXTEND_APPROVE, Permission.INQUIRY_HANDLE, Permission.CASE_CONCLUDE,
                        Permission.CASE_READ, Permission.CASE_READ_PERSONAL, Permission.MONITOR_READ,
                        Permission.REPORT_READ, Permission.SECURITY_LOG_READ, Permission.SYSTEM_READ), inAMonth)).secret());
    }

    /** The grant the hanshan person of {@code role} holds. */
    static RoleGrant grantOf(Role role) {
        return switch (role.scope()) {
            case CENTER -> RoleGrant.center(role, "hanshan");
            case DEPARTMENT -> RoleGrant.department(role, "hanshan", "market");
            case SEAL -> new RoleGrant(role, "hanshan", null, SEAL);
        };
    }

    OneStopApi api(CatalogService catalog, CaseService cases, WorkCalendar calendar) {
        return new OneStopApi(catalog, cases, oneStop.documents(), oneStop.inquiries(), calendar, oneStop.plugins(),
                oneStop.access(), "9.9.9.test");
    }

    ApiRouter router(CatalogService catalog, CaseService cases, WorkCalendar calendar) {
        return api(catalog, cases, calendar).router();
    }

    /** Signs in through the API, as a browser does, and keeps the cookie and the CSRF token. */
    Who signIn(String account) {
        return signInWith(account, PASSWORD);
    }

    Who signInWith(String account, String password) {
        ApiResponse r = send(Who.ANONYMOUS, "POST", "/session",
                "{\"account\": \"" + account + "\", \"password\": \"" + password + "\"}");
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.cookie(), "sign-in sets the session cookie");
        return new Who(r.cookie().secret(), json(r).get("csrfToken").getAsString(), null);
    }

    /** The principal behind a caller, as the access service sees it now; null for the public. */
    Principal principal(Who who) {
        if (who.bearer() != null) {
            return access.tokenPrincipal(who.bearer(), REMOTE).orElseThrow();
        }
        return who.cookie() == null ? null : access.session(who.cookie()).orElseThrow().principal();
    }

    ApiResponse get(String pathAndQuery) {
        return send(Who.ANONYMOUS, "GET", pathAndQuery, null);
    }

    ApiResponse get(Who who, String pathAndQuery) {
        return send(who, "GET", pathAndQuery, null);
    }

    ApiResponse post(Who who, String path, String json) {
        return send(who, "POST", path, json);
    }

    ApiResponse post(Who who, String path, String contentType, byte[] body) {
        return router.handle(new ApiRequest("POST", path, null, contentType, ApiRequest.Body.of(body), who.credentials()));
    }

    /** Any method; a non-null {@code json} is sent as a UTF-8 JSON body. */
    ApiResponse send(Who who, String method, String pathAndQuery, String json) {
        int q = pathAndQuery.indexOf('?');
        return router.handle(new ApiRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1), json == null ? null : "application/json; charset=utf-8",
                json == null ? null : ApiRequest.Body.of(json.getBytes(StandardCharsets.UTF_8)), who.credentials()));
    }

    /** Receives a food business licence case (market) as the market clerk, its materials complete; its number. */
    String receiveMarketCase() {
        return receive(clerk, receiveBody()).get("number").getAsString();
    }

    /** Receives a case as {@code who} (201 expected) and answers the case view, with its query code. */
    JsonObject receive(Who who, String body) {
        ApiResponse r = post(who, "/centers/hanshan/cases", body);
        assertEquals(201, r.status(), r.text());
        return json(r);
    }

    /**
     * Receives a case of any hanshan item with every required material, in the form and number the item asks,
     * at {@code window}; the answer (201) with its query code.
     */
    JsonObject receiveComplete(Who who, String itemCode, String window) {
        return receive(who, receiveBody(itemCode, window, requiredMaterials(itemCode)));
    }

    /** The same, entered afterwards for an earlier business day (补录): the case counts from {@code on}. */
    JsonObject receiveComplete(Who who, String itemCode, String window, LocalDate on) {
        return receive(who, receiveBody(itemCode, window, requiredMaterials(itemCode))
                .replace("\"note\": \"材料齐全\"", "\"note\": \"材料齐全\", \"on\": \"" + on + "\""));
    }

    /** The {@code materials} array of a receive body: every required material of the item, as the item lists it. */
    String requiredMaterials(String itemCode) {
        Item item = oneStop.catalog().item("hanshan", itemCode).orElseThrow();
        return item.materials().stream().filter(Material::required)
                .map(m -> "{\"name\": \"" + m.name() + "\", \"form\": \"" + m.form().name() + "\", \"copies\": "
                        + m.copies() + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A receive body for a person (张三丰) applying at a window for {@code itemCode}, with {@code materials} (a JSON array). */
    static String receiveBody(String itemCode, String window, String materials) {
        return """
                {"itemCode": "%s",
                 "applicant": {"type": "PERSON", "name": "张三丰", "idNumber": "%s", "phone": "13912345678"},
                 "channel": "WINDOW",
                 "materials": %s,
                 "act": {"window": "%s", "note": "材料齐全"}}
                """.formatted(itemCode, PERSON_ID, materials, window);
    }

    /** The path of a hanshan case. */
    static String casePath(String number) {
        return "/centers/hanshan/cases/" + number;
    }

    /** An act on a hanshan case: POST {@code /centers/hanshan/cases/<number>/<act>} with {@code json}. */
    ApiResponse act(Who who, String number, String act, String json) {
        return post(who, casePath(number) + "/" + act, json);
    }

    /** An act that must succeed (200); the case view it answers. */
    JsonObject acted(Who who, String number, String act, String json) {
        ApiResponse r = act(who, number, act, json);
        assertEquals(200, r.status(), act + ": " + r.text());
        return json(r);
    }

    /** The case as {@code who} reads it (200 expected). */
    JsonObject caseOf(Who who, String number) {
        ApiResponse r = get(who, casePath(number));
        assertEquals(200, r.status(), r.text());
        return json(r);
    }

    /** The case's public progress, by number and query code, as the applicant reads it (200 expected). */
    JsonObject publicProgress(String number, String queryCode) {
        ApiResponse r = get("/public" + casePath(number) + "?queryCode=" + queryCode);
        assertEquals(200, r.status(), r.text());
        return json(r);
    }

    /** A market case received complete and accepted by the market clerk; its number. */
    String acceptedMarketCase() {
        String number = receiveMarketCase();
        acted(clerk, number, "accept", "{\"window\": \"A03\"}");
        return number;
    }

    /**
     * Someone signed in with {@code role} in {@code department} of hanshan (a department role) or in hanshan
     * (a center role, {@code department} null): created the first time, as {@code hs.<role>.<department>},
     * named 部门名+角色 so that timelines tell them apart. The same caller every time after.
     */
    Who as(Role role, String department) {
        return people.computeIfAbsent(accountOf(role, department), a -> {
            RoleGrant grant = department == null ? RoleGrant.center(role, "hanshan")
                    : RoleGrant.department(role, "hanshan", department);
            Principal hsAdmin = access.signIn("hs.admin", PASSWORD, REMOTE).principal();
            access.createPerson(hsAdmin, "hanshan", new NewPerson(a, (department == null ? "中心" : department)
                    + role.label(), PASSWORD, List.of(grant)));
            return signIn(a);
        });
    }

    /** The account of a caller made by {@link #as}. */
    static String accountOf(Role role, String department) {
        return ("hs." + role.name() + (department == null ? "" : "." + department)).toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }

    static JsonObject json(ApiResponse response) {
        return JsonParser.parseString(response.text()).getAsJsonObject();
    }

    /** The {@code error} object of an error answer. */
    static JsonObject error(ApiResponse response) {
        return json(response).getAsJsonObject("error");
    }

    /**
     * A receive request for a food business licence (promised in 5 working days) at hanshan, of market, with
     * its four required materials: it can be accepted at once.
     */
    static String receiveBody() {
        return receiveBody("HS-SCJG-003", "A03", FOOD_MATERIALS);
    }

    /** The same application with the application form only: three materials missing, a case for a one-time notice. */
    static String incompleteReceiveBody() {
        return receiveBody("HS-SCJG-003", "A03", "[{\"name\": \"食品经营许可申请书\", \"form\": \"ORIGINAL\", \"copies\": 1}]");
    }

    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Override
    public void close() {
        oneStop.close();
    }

    /**
     * How a caller proves who it is: a session cookie with its CSRF token (a browser), a bearer token (an
     * integration), or nothing (the public).
     */
    record Who(String cookie, String csrf, String bearer) {

        static final Who ANONYMOUS = new Who(null, null, null);

        static Who bearer(String secret) {
            return new Who(null, null, secret);
        }

        Who withCsrf(String other) {
            return new Who(cookie, other, bearer);
        }

        Credentials credentials() {
            return new Credentials(cookie, bearer == null ? null : "Bearer " + bearer, csrf, REMOTE);
        }
    }

    /**
     * A clock that tests move forward, for lockouts and expiries. A copy in another zone shares the instant,
     * so that moving this clock moves every copy the services made.
     */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MutableClock(Instant start, ZoneId zone) {
            this(new AtomicReference<>(start), zone);
        }

        private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MutableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** A plugin of the kind integrators write, so that the plugin directory has something to list. */
    static final class JournalListener implements CaseListener {
        @Override
        public String id() {
            return "journal";
        }

        @Override
        public String label() {
            return "办件日志";
        }

        @Override
        public void onCaseEvent(CaseEventNotice notice) {
            // Listening is all this plugin is for here.
        }
    }
}
