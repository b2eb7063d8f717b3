package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.web.internal.servlet.ApiServlet;

/**
 * The servlet in a real Jetty 12 (EE10, the line Felix HTTP embeds) on 127.0.0.1, over the real services
 * and the demo catalogs, called over HTTP: sessions with real Set-Cookie and Cookie headers and CSRF tokens,
 * and bearer tokens. Every answer, success or error, is checked against the schema {@code openapi.json}
 * gives for its operation and status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServletJettyTest {

    private static final String CASES = "/centers/hanshan/cases";
    private static final String CASE = "/centers/{centerId}/cases/{number}";

    private final OpenApiDocument openApi = new OpenApiDocument();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Fixture fx;
    private Server server;
    private URI base;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        fx = new Fixture(dataDir);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // The same mapping the whiteboard component declares.
        context.addServlet(new ServletHolder(new ApiServlet(fx.router)), "/api/v1/*");
        // Something outside the API, to show that the session cookie stays with the API.
        context.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
                    throws java.io.IOException {
                String cookie = req.getHeader("Cookie");
                resp.getWriter().write(cookie == null ? "no cookie" : cookie);
            }
        }), "/elsewhere");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        fx.close();
    }

    @Test
    @Order(1)
    void aCaseIsReceivedAcceptedAndConcludedOverHttp() throws Exception {
        Browser clerk = signIn("hs.clerk");
        HttpResponse<String> received = clerk.send("POST", CASES, Fixture.receiveBody());
        assertEquals(201, received.statusCode(), received.body());
        documented("POST", "/centers/{centerId}/cases", received);
        String location = received.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/v1/centers/hanshan/cases/340522-20261125-0001", location);
        JsonObject c = json(received);
        assertEquals("340522-20261125-0001", c.get("number").getAsString());
        String queryCode = c.get("queryCode").getAsString();
        assertTrue(queryCode.matches("[2-9A-HJ-NP-Z]{8}"), "the clerk gets the query code once");
        assertEquals("RECEIVED", c.get("state").getAsString());
        assertEquals("已收件", c.get("stateLabel").getAsString());
        assertEquals("窗口", c.get("channelLabel").getAsString());
        assertEquals("HS-SCJG-003", c.get("itemCode").getAsString());
        assertEquals(1, c.get("itemVersion").getAsInt());
        assertEquals("2026-11-25", c.get("receivedOn").getAsString());
        JsonObject applicant = c.getAsJsonObject("applicant");
        assertEquals("张三丰", applicant.get("name").getAsString(), "the market clerk may read personal data in market");
        assertEquals(Fixture.PERSON_ID, applicant.get("idNumber").getAsString());
        assertEquals("13912345678", applicant.get("phone").getAsString());
        assertEquals("自然人", applicant.get("typeLabel").getAsString());
        JsonObject event = c.getAsJsonArray("timeline").get(0).getAsJsonObject();
        assertEquals("收件", event.get("actLabel").getAsString());
        assertEquals("王窗口（hs.clerk）", event.get("actor").getAsString(), "the actor is who is signed in");
        assertEquals("A03", event.get("window").getAsString());
        JsonObject clock = c.getAsJsonObject("clock");
        assertEquals(5, clock.get("limitDays").getAsInt());
        assertFalse(clock.has("light"), "no light before acceptance");
        assertFalse(c.has("acceptedOn"));

        HttpResponse<String> fetched = clerk.get(location.substring("/api/v1".length()));
        assertEquals(200, fetched.statusCode());
        documented("GET", CASE, fetched);
        assertFalse(json(fetched).has("queryCode"), "a fetched view never shows the query code");

        HttpResponse<String> masked = signIn("hs.supervisor").get(CASES + "/340522-20261125-0001");
        assertEquals(200, masked.statusCode(), masked.body());
        assertEquals("张**", json(masked).getAsJsonObject("applicant").get("name").getAsString());
        assertEquals("139****5678", json(masked).getAsJsonObject("applicant").get("phone").getAsString());
        assertFalse(masked.body().contains(Fixture.PERSON_ID) || masked.body().contains("张三丰")
                || masked.body().contains("13912345678"), "a supervisor sees personal data only masked");

        String number = CASES + "/340522-20261125-0001";
        HttpResponse<String> accepted = clerk.send("POST", number + "/accept", "{\"actor\": \"李审核\", \"window\": \"A03\"}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        documented("POST", CASE + "/accept", accepted);
        JsonObject a = json(accepted);
        assertEquals("ACCEPTED", a.get("state").getAsString());
        assertEquals("2026-11-25", a.get("acceptedOn").getAsString());
        assertEquals("2026-12-02", a.get("deadline").getAsString(), "5 working days after Wednesday 25 November");
        assertEquals("GREEN", a.getAsJsonObject("clock").get("light").getAsString());
        assertEquals("绿灯", a.getAsJsonObject("clock").get("lightLabel").getAsString());
        assertEquals(5, a.getAsJsonObject("clock").get("leftDays").getAsInt());
        assertFalse(a.has("queryCode"));
        assertEquals("王窗口（hs.clerk）", a.getAsJsonArray("timeline").get(1).getAsJsonObject().get("actor").getAsString(),
                "the body's actor is ignored");

        HttpResponse<String> again = clerk.send("POST", number + "/accept", "{}");
        assertEquals(409, again.statusCode());
        documented("POST", CASE + "/accept", again);
        assertEquals("STATE", json(again).getAsJsonObject("error").get("code").getAsString());

        HttpResponse<String> early = signIn("hs.reviewer").send("POST", number + "/conclude", "{\"note\": \"准予许可\"}");
        assertEquals(409, early.statusCode(), "a case is concluded once delivered: " + early.body());
        documented("POST", CASE + "/conclude", early);
        assertTrue(json(early).getAsJsonObject("error").get("message").getAsString().contains("已送达"),
                "the refusal names the state it needs");

        Browser reviewer = signIn("hs.reviewer");
        for (String step : List.of("{\"step\": 2, \"opinion\": \"材料审查通过\"}", "{\"opinion\": \"同意\"}")) {
            HttpResponse<String> completed = reviewer.send("POST", number + "/steps/complete", step);
            assertEquals(200, completed.statusCode(), completed.body());
            documented("POST", CASE + "/steps/complete", completed);
        }
        HttpResponse<String> decided = reviewer.send("POST", number + "/decision",
                "{\"decision\": \"APPROVED\", \"result\": \"JY23405220001234\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        documented("POST", CASE + "/decision", decided);
        assertEquals("准予许可", json(decided).getAsJsonObject("progress").get("decisionLabel").getAsString());
        HttpResponse<String> delivered = clerk.send("POST", number + "/delivery", "{\"method\": \"WINDOW\", \"window\": \"A03\"}");
        assertEquals(200, delivered.statusCode(), delivered.body());
        documented("POST", CASE + "/delivery", delivered);

        HttpResponse<String> concluded = reviewer.send("POST", number + "/conclude", "{\"note\": \"准予许可\"}");
        assertEquals(200, concluded.statusCode(), concluded.body());
        documented("POST", CASE + "/conclude", concluded);
        JsonObject done = json(concluded);
        assertEquals("已办结", done.get("stateLabel").getAsString());
        assertEquals("2026-11-25", done.get("concludedOn").getAsString());
        List<String> acts = List.of("收件", "受理", "完成环节", "完成环节", "准予许可", "送达", "办结");
        assertEquals(acts, labels(done.getAsJsonArray("timeline"), "actLabel"));
        assertEquals(List.of("王窗口（hs.clerk）", "王窗口（hs.clerk）", "李审核（hs.reviewer）", "李审核（hs.reviewer）",
                "李审核（hs.reviewer）", "王窗口（hs.clerk）", "李审核（hs.reviewer）"), labels(done.getAsJsonArray("timeline"), "actor"));
        assertEquals(7, done.get("revision").getAsInt());
        assertEquals(3, done.getAsJsonArray("documents").size(), "acceptance notice, decision, delivery receipt");

        for (String query : List.of("", "?state=CONCLUDED", "?item=HS-SCJG-003&limit=10")) {
            HttpResponse<String> list = clerk.get(CASES + query);
            documented("GET", "/centers/{centerId}/cases", list);
            JsonArray cases = json(list).getAsJsonArray("cases");
            assertEquals(1, cases.size(), query);
            assertFalse(cases.get(0).getAsJsonObject().has("queryCode"));
        }
        assertEquals(0, json(clerk.get(CASES + "?state=RECEIVED")).getAsJsonArray("cases").size());
        assertEquals(0, json(signIn("hs.clerk.hrss").get(CASES)).getAsJsonArray("cases").size(),
                "the hrss clerk sees no case of market");

        HttpResponse<String> progress = get("/public/centers/hanshan/cases/340522-20261125-0001?queryCode=" + queryCode);
        assertEquals(200, progress.statusCode(), progress.body());
        documented("GET", "/public/centers/{centerId}/cases/{number}", progress);
        JsonObject p = json(progress);
        assertEquals("CONCLUDED", p.get("state").getAsString());
        assertEquals("张**", p.get("applicantName").getAsString());
        assertEquals("2026-12-02", p.get("deadline").getAsString());
        assertEquals(acts, labels(p.getAsJsonArray("timeline"), "actLabel"));
        assertEquals("WINDOW", p.get("deliveryMethod").getAsString());
        assertEquals("APPROVED", p.get("decision").getAsString());
        assertFalse(progress.body().contains(Fixture.PERSON_ID.substring(6, 14)) || progress.body().contains("1391234")
                || progress.body().contains("王窗口") || progress.body().contains("hs.clerk") || progress.body().contains("A03"),
                "the public sees no personal data beyond the masked name, and no staff: " + progress.body());
        String wrong = queryCode.equals("22222222") ? "33333333" : "22222222";
        HttpResponse<String> wrongCode = get("/public/centers/hanshan/cases/340522-20261125-0001?queryCode=" + wrong);
        HttpResponse<String> noCase = get("/public/centers/hanshan/cases/340522-20261125-0999?queryCode=" + queryCode);
        assertEquals(404, wrongCode.statusCode());
        assertEquals(404, noCase.statusCode());
        documented("GET", "/public/centers/{centerId}/cases/{number}", wrongCode);
        assertEquals(json(wrongCode).getAsJsonObject("error").get("message").getAsString().replace("0001", "0999"),
                json(noCase).getAsJsonObject("error").get("message").getAsString(),
                "a wrong query code and a missing case read the same");
    }

    @Test
    void everyReadOperationAnswersAsDocumented() throws Exception {
        Browser admin = signIn("hs.admin");
        Browser supervisor = signIn("hs.supervisor");
        Map<String, String> examples = Map.ofEntries(
                Map.entry("/health", "/health"),
                Map.entry("/centers", "/centers"),
                Map.entry("/centers/{centerId}", "/centers/hanshan"),
                Map.entry("/centers/{centerId}/departments", "/centers/hanshan/departments"),
                Map.entry("/centers/{centerId}/departments/{departmentId}", "/centers/hanshan/departments/resources"),
                Map.entry("/centers/{centerId}/items", "/centers/hanshan/items?q=" + URLEncoder.encode("许可", StandardCharsets.UTF_8)),
                Map.entry("/centers/{centerId}/items/{code}", "/centers/hanshan/items/HS-ZJ-001?on=2026-11-25"),
                Map.entry("/calendar/deadline", "/calendar/deadline?from=2026-09-30&days=3&center=hanshan"),
                Map.entry("/calendar/between", "/calendar/between?from=2026-09-30&to=2026-10-10"),
                Map.entry("/calendar/days", "/calendar/days?from=2026-09-18&to=2026-10-12"));
        for (var e : examples.entrySet()) {
            HttpResponse<String> r = get(e.getValue());
            assertEquals(200, r.statusCode(), e.getValue() + ": " + r.body());
            documented("GET", e.getKey(), r);
        }
        Map<String, Browser> signedIn = Map.of(
                "/plugins", admin, "/session", admin, "/centers/{centerId}/people", admin,
                "/centers/{centerId}/tokens", admin, "/centers/{centerId}/security-log", supervisor,
                "/centers/{centerId}/cases", supervisor);
        for (var e : signedIn.entrySet()) {
            String path = e.getKey().replace("{centerId}", "hanshan");
            HttpResponse<String> r = e.getValue().get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            documented("GET", e.getKey(), r);
        }
        JsonObject plugin = json(admin.get("/plugins")).getAsJsonArray("plugins").get(0).getAsJsonObject();
        assertEquals("CaseListener", plugin.get("kind").getAsString());
        assertEquals("journal", plugin.get("id").getAsString());
        assertEquals("办件日志", plugin.get("label").getAsString());
        int licences = json(get(examples.get("/centers/{centerId}/items"))).getAsJsonArray("items").size();
        assertTrue(licences > 0);
        assertEquals(fx.oneStop.catalog().items("hanshan", new ItemQuery(null, null, null, "许可")).size(), licences,
                "the Chinese query text arrives intact");
        HttpResponse<String> byToken = bearer(fx.wideToken.bearer(), "GET", "/session", null);
        assertEquals(200, byToken.statusCode());
        documented("GET", "/session", byToken);
        assertFalse(json(byToken).has("csrfToken"), "a token has no session and needs no CSRF token");
    }

    /**
     * Every operation of case handling, documents and first inquiries over HTTP, each answer (success and the
     * main refusals) checked against the schema the document gives for its status; the printable pages as
     * whole UTF-8 HTML with their Content-Security-Policy.
     */
    @Test
    void everyCaseHandlingOperationAnswersAsDocumented() throws Exception {
        Browser clerk = signIn("hs.clerk");
        Browser reviewer = signIn("hs.reviewer");
        Browser approver = as(org.onestop.api.access.Role.REVIEWER, "market");
        Browser supervisor = signIn("hs.supervisor");

        // Intake: a notice, the supplement, acceptance.
        JsonObject received = json(clerk.send("POST", CASES, Fixture.incompleteReceiveBody()));
        String n = received.get("number").getAsString();
        String queryCode = received.get("queryCode").getAsString();
        String c = CASES + "/" + n;
        expect(200, "GET", CASE + "/material-check", clerk.get(c + "/material-check"));
        expect(400, "POST", CASE + "/notice", clerk.send("POST", c + "/notice", "{\"problems\": [{\"material\": \"x\", \"kind\": \"FOO\"}]}"));
        expect(200, "POST", CASE + "/notice", clerk.send("POST", c + "/notice", "{\"note\": \"一次告知\"}"));
        expect(409, "POST", CASE + "/accept", clerk.send("POST", c + "/accept", "{}"));
        expect(200, "POST", CASE + "/supplement", clerk.send("POST", c + "/supplement",
                "{\"materials\": " + Fixture.FOOD_MATERIALS + ", \"window\": \"A03\"}"));
        expect(200, "POST", CASE + "/accept", clerk.send("POST", c + "/accept", "{}"));
        expect(200, "POST", CASE + "/visits", clerk.send("POST", c + "/visits", "{}"));
        expect(403, "POST", CASE + "/visits", supervisor.send("POST", c + "/visits", "{}"));

        // Steps, a special procedure, an extension.
        expect(200, "POST", CASE + "/steps/{step}/assignee", reviewer.send("POST", c + "/steps/2/assignee", "{\"assignee\": \"张审查\"}"));
        expect(400, "POST", CASE + "/steps/{step}/assignee", reviewer.send("POST", c + "/steps/two/assignee", "{\"assignee\": \"张\"}"));
        expect(200, "POST", CASE + "/pause", reviewer.send("POST", c + "/pause", "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"踏勘\"}"));
        expect(409, "POST", CASE + "/steps/complete", reviewer.send("POST", c + "/steps/complete", "{}"));
        expect(200, "POST", CASE + "/resume", reviewer.send("POST", c + "/resume", "{}"));
        expect(200, "POST", CASE + "/extensions", reviewer.send("POST", c + "/extensions", "{\"days\": 2, \"reason\": \"补充核查\"}"));
        expect(403, "POST", CASE + "/extensions/decision", reviewer.send("POST", c + "/extensions/decision", "{\"approved\": true}"));
        expect(200, "POST", CASE + "/extensions/decision", approver.send("POST", c + "/extensions/decision", "{\"approved\": false}"));
        expect(200, "POST", CASE + "/steps/complete", reviewer.send("POST", c + "/steps/complete", "{\"step\": 2}"));
        expect(200, "POST", CASE + "/steps/complete", reviewer.send("POST", c + "/steps/complete", "{}"));
        expect(400, "POST", CASE + "/decision", reviewer.send("POST", c + "/decision", "{\"decision\": \"DENIED\"}"));
        expect(200, "POST", CASE + "/decision", reviewer.send("POST", c + "/decision", "{\"decision\": \"APPROVED\"}"));
        expect(409, "POST", CASE + "/withdraw", clerk.send("POST", c + "/withdraw", "{\"reason\": \"撤回\"}"));
        expect(200, "POST", CASE + "/delivery", clerk.send("POST", c + "/delivery",
                "{\"method\": \"ELECTRONIC\", \"address\": \"zhang@example.cn\"}"));
        HttpResponse<String> done = reviewer.send("POST", c + "/conclude", "{}");
        expect(200, "POST", CASE + "/conclude", done);
        HttpResponse<String> masked = expect(200, "GET", CASE, supervisor.get(c));
        assertFalse(masked.body().contains("zhang@example.cn"), "the address is masked for the supervisor");

        // Documents, as data and as pages.
        HttpResponse<String> list = expect(200, "GET", CASE + "/documents", clerk.get(c + "/documents"));
        List<String> numbers = json(list).getAsJsonArray("documents").asList().stream()
                .map(d -> d.getAsJsonObject().get("number").getAsString()).toList();
        assertEquals(List.of("ONE_TIME_NOTICE", "ACCEPTANCE", "SPECIAL_PROCEDURE", "APPROVAL", "DELIVERY"),
                json(list).getAsJsonArray("documents").asList().stream()
                        .map(d -> d.getAsJsonObject().get("kind").getAsString()).toList());
        expect(200, "GET", CASE + "/documents/{documentNumber}", supervisor.get(c + "/documents/" + numbers.get(1)));
        expect(404, "GET", CASE + "/documents/{documentNumber}", clerk.get(c + "/documents/" + n + "-D99"));
        HttpResponse<String> page = clerk.get(c + "/documents/" + numbers.get(0) + "/print");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow()
                .toLowerCase(Locale.ROOT).replace(" ", ""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'sha256-"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.body().contains("lang=\"zh-CN\"") && page.body().contains("补正材料"), "read as UTF-8");
        assertTrue(openApi.operation("GET", CASE + "/documents/{documentNumber}/print").getAsJsonObject("responses")
                .getAsJsonObject("200").getAsJsonObject("content").has("text/html"));
        expect(404, "GET", CASE + "/documents/{documentNumber}/print", clerk.get(c + "/documents/" + n + "-D99/print"));
        String publicPrint = "/public" + CASE + "/documents/{documentNumber}/print";
        HttpResponse<String> own = get("/public" + c + "/documents/" + numbers.get(0) + "/print?queryCode=" + queryCode);
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(own.body().contains("张三丰") || own.body().contains(Fixture.PERSON_ID) || own.body().contains("hs.clerk"));
        expect(404, "GET", publicPrint, get("/public" + c + "/documents/" + numbers.get(4) + "/print?queryCode=" + queryCode));
        expect(400, "GET", publicPrint, get("/public" + c + "/documents/" + numbers.get(0) + "/print"));
        HttpResponse<String> progress = expect(200, "GET", "/public/centers/{centerId}/cases/{number}",
                get("/public" + c + "?queryCode=" + queryCode));
        assertFalse(progress.body().contains("zhang@example.cn"));

        // Refusal, on the spot, withdrawal.
        String refused = json(clerk.send("POST", CASES, Fixture.receiveBody())).get("number").getAsString();
        expect(400, "POST", CASE + "/refuse", clerk.send("POST", CASES + "/" + refused + "/refuse", "{\"reason\": \"x\"}"));
        expect(200, "POST", CASE + "/refuse", clerk.send("POST", CASES + "/" + refused + "/refuse",
                "{\"reason\": \"不属于本机关职权范围\", \"legalBasis\": \"《中华人民共和国行政许可法》第三十二条\"}"));
        String immediate = json(clerk.send("POST", CASES, Fixture.receiveBody("HS-SCJG-002", "A02",
                fx.requiredMaterials("HS-SCJG-002")))).get("number").getAsString();
        expect(200, "POST", CASE + "/on-the-spot", clerk.send("POST", CASES + "/" + immediate + "/on-the-spot",
                "{\"decision\": \"APPROVED\"}"));
        String withdrawn = json(clerk.send("POST", CASES, Fixture.receiveBody())).get("number").getAsString();
        expect(200, "POST", CASE + "/withdraw", clerk.send("POST", CASES + "/" + withdrawn + "/withdraw",
                "{\"reason\": \"申请人撤回\"}"));
        expect(404, "POST", CASE + "/withdraw", signIn("hs.clerk.hrss").send("POST", CASES + "/" + withdrawn + "/withdraw",
                "{\"reason\": \"申请人撤回\"}"));

        // A joint case and a reported one.
        Browser housingClerk = as(org.onestop.api.access.Role.CLERK, "housing");
        Browser housing = as(org.onestop.api.access.Role.REVIEWER, "housing");
        Browser resources = as(org.onestop.api.access.Role.REVIEWER, "resources");
        String joint = json(housingClerk.send("POST", CASES, Fixture.receiveBody("HS-ZJ-001", "B01",
                fx.requiredMaterials("HS-ZJ-001")))).get("number").getAsString();
        String j = CASES + "/" + joint;
        expect(200, "POST", CASE + "/accept", housingClerk.send("POST", j + "/accept", "{}"));
        expect(200, "GET", CASE, resources.get(j));
        expect(403, "POST", CASE + "/joint/answers", housing.send("POST", j + "/joint/answers",
                "{\"departmentId\": \"resources\", \"consent\": true}"));
        expect(200, "POST", CASE + "/joint/answers", resources.send("POST", j + "/joint/answers",
                "{\"departmentId\": \"resources\", \"consent\": false, \"opinion\": \"用地手续不全\"}"));
        expect(200, "POST", CASE + "/joint/meetings", housing.send("POST", j + "/joint/meetings", "{\"attended\": []}"));
        expect(400, "POST", "/centers/{centerId}/joint-timeouts", supervisor.send("POST", "/centers/hanshan/joint-timeouts",
                "{\"asOf\": \"2099-01-01\"}"));
        expect(200, "POST", "/centers/{centerId}/joint-timeouts", supervisor.send("POST", "/centers/hanshan/joint-timeouts", "{}"));
        Browser resourcesClerk = as(org.onestop.api.access.Role.CLERK, "resources");
        String reported = json(resourcesClerk.send("POST", CASES, Fixture.receiveBody("HS-ZRZY-003", "B04",
                fx.requiredMaterials("HS-ZRZY-003")))).get("number").getAsString();
        String r = CASES + "/" + reported;
        expect(200, "POST", CASE + "/accept", resourcesClerk.send("POST", r + "/accept", "{}"));
        expect(200, "POST", CASE + "/report", resourcesClerk.send("POST", r + "/report", "{}"));
        expect(200, "POST", CASE + "/report/updates", resourcesClerk.send("POST", r + "/report/updates",
                "{\"status\": \"市局已受理\", \"reference\": \"MAS-1\"}"));
        expect(409, "POST", CASE + "/report", resourcesClerk.send("POST", r + "/report", "{}"));

        // First inquiries.
        String inquiries = "/centers/{centerId}/inquiries";
        HttpResponse<String> opened = clerk.send("POST", "/centers/hanshan/inquiries",
                "{\"subject\": \"咨询食品经营许可\", \"inquirer\": \"赵小满\", \"phone\": \"13800001111\"}");
        expect(201, "POST", inquiries, opened);
        String id = json(opened).get("id").getAsString();
        assertEquals("/api/v1/centers/hanshan/inquiries/" + id, opened.headers().firstValue("Location").orElseThrow());
        expect(400, "POST", inquiries, clerk.send("POST", "/centers/hanshan/inquiries", "{\"inquirer\": \"赵\"}"));
        expect(200, "GET", inquiries, supervisor.get("/centers/hanshan/inquiries?state=OPEN"));
        expect(200, "GET", inquiries + "/{inquiryId}", supervisor.get("/centers/hanshan/inquiries/" + id));
        expect(404, "GET", inquiries + "/{inquiryId}", supervisor.get("/centers/hanshan/inquiries/SW-0"));
        expect(403, "POST", inquiries + "/{inquiryId}/hand-over", signIn("hs.clerk.hrss").send("POST",
                "/centers/hanshan/inquiries/" + id + "/hand-over", "{\"to\": \"hs.clerk.hrss\"}"));
        expect(200, "POST", inquiries + "/{inquiryId}/hand-over", clerk.send("POST",
                "/centers/hanshan/inquiries/" + id + "/hand-over", "{\"to\": \"hs.clerk.hrss\"}"));
        Browser hrssClerk = signIn("hs.clerk.hrss");
        expect(200, "POST", inquiries + "/{inquiryId}/close", hrssClerk.send("POST",
                "/centers/hanshan/inquiries/" + id + "/close", "{\"answer\": \"已答复\"}"));
        expect(409, "POST", inquiries + "/{inquiryId}/close", hrssClerk.send("POST",
                "/centers/hanshan/inquiries/" + id + "/close", "{\"answer\": \"已答复\"}"));
    }

    /** The status expected, and the answer as documented for it. */
    private HttpResponse<String> expect(int status, String method, String template, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), method + " " + template + ": " + r.body());
        documented(method, template, r);
        return r;
    }

    /** Someone of {@code role} in {@code department}, made by the fixture, as a browser. */
    private Browser as(org.onestop.api.access.Role role, String department) {
        Fixture.Who who = fx.as(role, department);
        return new Browser(who.cookie(), who.csrf());
    }

    @Test
    void theOpenApiDocumentIsServedAsShipped() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/openapi.json")).build(),
                BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(JsonParser.parseString(new String(OneStopApi.openApiDocument(), StandardCharsets.UTF_8)),
                JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8)));
    }

    @Test
    void answersAreUtf8JsonThatNoCacheKeeps() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/centers/hanshan")).build(),
                BodyHandlers.ofByteArray());
        String contentType = r.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT).replace(" ", "");
        assertEquals("application/json;charset=utf-8", contentType);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(r.body().length, Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow()));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("含山县政务服务中心"));
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/centers")).build(),
                BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/centers"))
                .method("HEAD", BodyPublishers.noBody()).build(), BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void unknownPathsUnderTheApiAreJson404() throws Exception {
        for (String path : List.of("/api/v1", "/api/v1/", "/api/v1/nope", "/api/v1/centers/hanshan/items/HS-RS-001/versions")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(path)).build(), BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
            assertEquals("NOT_FOUND", json(r).getAsJsonObject("error").get("code").getAsString(), path);
            documented("GET", "/health", r);
        }
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        for (String method : List.of("DELETE", "PUT", "OPTIONS", "PATCH")) {
            HttpResponse<String> r = send(method, CASES, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD, POST", r.headers().firstValue("Allow").orElseThrow());
            assertEquals("METHOD_NOT_ALLOWED", json(r).getAsJsonObject("error").get("code").getAsString());
        }
    }

    @Test
    void oversizedBodyIs413WhetherChunkedOrNot() throws Exception {
        byte[] big = new byte[2 * ApiRouter.MAX_BODY_BYTES];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> sized = refusedBeforeItsBody("POST", CASES, big);
        assertEquals(401, sized.statusCode(), "the public is turned away before its body is read");
        sized = asToken("POST", CASES, "application/json", big);
        assertEquals(413, sized.statusCode());
        documented("POST", "/centers/{centerId}/cases", sized);
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + CASES))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + fx.wideToken.bearer())
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", json(chunked).getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void wrongMediaTypeAndWrongEncodingAreRefused() throws Exception {
        HttpResponse<String> text = asToken("POST", CASES, "text/plain; charset=utf-8",
                Fixture.receiveBody().getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        documented("POST", "/centers/{centerId}/cases", text);
        HttpResponse<String> gbk = asToken("POST", CASES, "application/json", Fixture.receiveBody().getBytes(Charset.forName("GBK")));
        assertEquals(400, gbk.statusCode());
        documented("POST", "/centers/{centerId}/cases", gbk);
        HttpResponse<String> gbkQuery = get("/centers/hanshan/items?q=%BA%AC%C9%BD");
        assertEquals(400, gbkQuery.statusCode(), "含山 in GBK: the container leaves the raw query to us");
        documented("GET", "/centers/{centerId}/items", gbkQuery);
    }

    @Test
    void brokenPercentEncodingInTheQueryIsOurJson400() throws Exception {
        // java.net.URI refuses to build such a request, so it is written by hand.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/centers/hanshan/items?q=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals("INVALID", JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error")
                    .get("code").getAsString(), answer);
        }
    }

    @Test
    void aMissingApplicantIs400OnApplicantOverHttp() throws Exception {
        HttpResponse<String> r = asToken("POST", CASES, "application/json",
                "{\"itemCode\": \"HS-SCJG-003\", \"act\": {\"actor\": \"王窗口\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        documented("POST", "/centers/{centerId}/cases", r);
        JsonObject error = json(r).getAsJsonObject("error");
        assertEquals("INVALID", error.get("code").getAsString());
        assertEquals("applicant", error.get("field").getAsString());
    }

    @Test
    void aBugIsA500WithoutDetailsOverHttp() throws Exception {
        var failing = (org.onestop.api.catalog.CatalogService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.onestop.api.catalog.CatalogService.class},
                (p, m, a) -> {
                    throw new IllegalStateException("disk full at /var/lib/onestop");
                });
        Server other = new Server();
        ServerConnector connector = new ServerConnector(other);
        connector.setHost("127.0.0.1");
        other.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ApiServlet(fx.router(failing, fx.oneStop.cases(), fx.oneStop.calendar()))),
                "/api/v1/*");
        other.setHandler(context);
        java.io.PrintStream original = System.err;
        try {
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            other.start();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/v1/centers")).build(), BodyHandlers.ofString());
            assertEquals(500, r.statusCode());
            documented("GET", "/centers", r);
            assertFalse(r.body().contains("disk") || r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        } finally {
            other.stop();
            System.setErr(original);
        }
    }

    // --- sessions, cookies and CSRF over real HTTP ----------------------------------------------------

    @Test
    void signInSetsAnHttpOnlyStrictCookieForTheApiAndSignOutEndsItOnTheServer() throws Exception {
        HttpResponse<String> signIn = signInResponse("hs.director", null, Map.of());
        assertEquals(200, signIn.statusCode(), signIn.body());
        documented("POST", "/session", signIn);
        String header = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        HttpCookie cookie = HttpCookie.parse(header).get(0);
        assertEquals("ONESTOP_SESSION", cookie.getName());
        assertEquals(43, cookie.getValue().length(), "32 random bytes, Base64url");
        assertEquals("/api/", cookie.getPath());
        assertTrue(cookie.isHttpOnly(), header);
        assertTrue(header.contains("; SameSite=Strict"), header);
        assertFalse(cookie.getSecure(), "plain HTTP from 127.0.0.1 keeps the cookie usable: " + header);
        assertEquals(-1, cookie.getMaxAge(), "a browser-session cookie; the server times the session: " + header);
        JsonObject session = json(signIn);
        assertEquals("hs.director", session.getAsJsonObject("principal").get("account").getAsString());
        assertEquals("中心领导", session.getAsJsonObject("principal").getAsJsonArray("grants").get(0).getAsJsonObject()
                .get("roleLabel").getAsString());
        assertFalse(signIn.body().contains(Fixture.PASSWORD) || signIn.body().contains(cookie.getValue()),
                "neither the password nor the session secret is echoed in the body");
        Browser director = new Browser(cookie.getValue(), session.get("csrfToken").getAsString());

        assertEquals(200, director.get("/session").statusCode());
        HttpResponse<String> withoutCsrf = director.withCsrf(null).send("DELETE", "/session", null);
        assertEquals(403, withoutCsrf.statusCode(), "signing out is a change, and needs the CSRF token");
        documented("DELETE", "/session", withoutCsrf);
        HttpResponse<String> signOut = director.send("DELETE", "/session", null);
        assertEquals(204, signOut.statusCode());
        documented("DELETE", "/session", signOut);
        HttpCookie expired = HttpCookie.parse(signOut.headers().firstValue("Set-Cookie").orElseThrow()).get(0);
        assertEquals("ONESTOP_SESSION", expired.getName());
        assertEquals(0, expired.getMaxAge());
        assertEquals("", expired.getValue());
        assertEquals("/api/", expired.getPath());

        HttpResponse<String> after = director.get("/session");
        assertEquals(401, after.statusCode(), "the old cookie no longer works: the session ended on the server");
        documented("GET", "/session", after);
        assertEquals("Bearer realm=\"OneStop\"", after.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(fx.access.session(cookie.getValue()).isEmpty());
    }

    @Test
    void aStandardCookieManagerKeepsAndReturnsTheSessionOverLoopback() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER)).build();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"account\": \"hs.clerk\", \"password\": \"" + Fixture.PASSWORD + "\"}"))
                .build(), BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode());
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(base.resolve("/api/v1/session")).build(),
                BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), "the client sent the cookie back on its own: " + me.body());
        assertEquals("王窗口", json(me).getAsJsonObject("principal").get("name").getAsString());
        HttpResponse<String> notUnderApi = browser.send(HttpRequest.newBuilder(base.resolve("/elsewhere")).build(),
                BodyHandlers.ofString());
        assertEquals("no cookie", notUnderApi.body(), "Path=/api/ keeps it to the API");
    }

    @Test
    void theCookieIsSecureBehindAnHttpsProxy() throws Exception {
        HttpResponse<String> signIn = signInResponse("hs.director", null, Map.of("X-Forwarded-Proto", "https"));
        assertEquals(200, signIn.statusCode());
        assertTrue(HttpCookie.parse(signIn.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getSecure());
        HttpResponse<String> forwarded = signInResponse("hs.director", null, Map.of("Forwarded", "for=10.0.0.7;proto=https"));
        assertTrue(HttpCookie.parse(forwarded.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getSecure());
    }

    @Test
    void aBrowserCallThatChangesDataNeedsTheCsrfTokenAndABearerCallDoesNot() throws Exception {
        Browser clerk = signIn("hs.clerk");
        String body = Fixture.receiveBody("HS-SCJG-004", "A03",
                "[{\"name\": \"药品经营许可证变更申请表\", \"form\": \"ORIGINAL\", \"copies\": 1}]");
        for (String csrf : new String[] {null, "", "forged", clerk.csrf() + "x"}) {
            HttpResponse<String> refused = clerk.withCsrf(csrf).send("POST", CASES, body);
            assertEquals(403, refused.statusCode(), "CSRF token " + csrf);
            documented("POST", "/centers/{centerId}/cases", refused);
            assertEquals("CSRF", json(refused).getAsJsonObject("error").get("code").getAsString());
        }
        Browser other = signIn("hs.clerk");
        assertEquals(403, clerk.withCsrf(other.csrf()).send("POST", CASES, body).statusCode(),
                "another session's token is no good either");
        assertTrue(fx.oneStop.cases().cases("hanshan", new org.onestop.api.cases.CaseQuery(null, "HS-SCJG-004", 0))
                .isEmpty(), "nothing was received");
        assertEquals(200, clerk.withCsrf(null).get(CASES).statusCode(), "reading needs no CSRF token");

        HttpResponse<String> ok = clerk.send("POST", CASES, body);
        assertEquals(201, ok.statusCode(), ok.body());
        HttpResponse<String> byToken = bearer(fx.wideToken.bearer(), "POST", CASES, body);
        assertEquals(201, byToken.statusCode(), "a bearer call carries no ambient credential: " + byToken.body());
        assertTrue(json(byToken).getAsJsonArray("timeline").get(0).getAsJsonObject().get("actor").getAsString()
                .startsWith("省政务服务平台数据交换（token:"));
    }

    @Test
    void signingInWithASessionCookieEndsThatSessionFirst() throws Exception {
        Browser first = signIn("hs.reviewer");
        HttpResponse<String> again = signInResponse("hs.reviewer", first.cookie(), Map.of());
        assertEquals(200, again.statusCode());
        String second = HttpCookie.parse(again.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
        assertNotEquals(first.cookie(), second, "a new secret");
        assertEquals(401, first.get("/session").statusCode(), "the session the browser held is gone");
        assertEquals(200, new Browser(second, json(again).get("csrfToken").getAsString()).get("/session").statusCode());
        HttpResponse<String> planted = signInResponse("hs.reviewer", "planted-by-someone-else", Map.of());
        assertEquals(200, planted.statusCode());
        assertNotEquals("planted-by-someone-else",
                HttpCookie.parse(planted.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue());
    }

    @Test
    void aBadBearerTokenIs401EvenOnAPublicRoute() throws Exception {
        for (String path : List.of("/centers", CASES)) {
            HttpResponse<String> r = bearer("ost_0123456789abcdef.not-the-secret", "GET", path, null);
            assertEquals(401, r.statusCode(), path);
            assertEquals("UNAUTHENTICATED", json(r).getAsJsonObject("error").get("code").getAsString());
            assertEquals("Bearer realm=\"OneStop\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
        HttpResponse<String> basic = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/centers"))
                .header("Authorization", "Basic aHMuYWRtaW46eA==").build(), BodyHandlers.ofString());
        assertEquals(401, basic.statusCode());
    }

    @Test
    void thePeopleTokenAndPasswordOperationsAnswerAsDocumented() throws Exception {
        Browser admin = signIn("hs.admin");
        String people = "/centers/{centerId}/people";
        HttpResponse<String> created = admin.send("POST", "/centers/hanshan/people", """
                {"account": "hs.http", "name": "<b>韩</b>", "password": "First-pass-12",
                 "grants": [{"role": "CLERK", "departmentId": "police"}]}
                """);
        assertEquals(201, created.statusCode(), created.body());
        documented("POST", people, created);
        assertFalse(created.body().contains("<b>"), "written escaped: " + created.body());
        assertEquals("<b>韩</b>", json(created).get("name").getAsString());
        HttpResponse<String> duplicate = admin.send("POST", "/centers/hanshan/people", """
                {"account": "hs.http", "name": "韩", "password": "First-pass-12", "grants": [{"role": "DIRECTOR"}]}
                """);
        assertEquals(409, duplicate.statusCode());
        documented("POST", people, duplicate);
        HttpResponse<String> bad = admin.send("POST", "/centers/hanshan/people", "{\"account\": 7}");
        assertEquals(400, bad.statusCode());
        documented("POST", people, bad);

        HttpResponse<String> granted = admin.send("POST", "/centers/hanshan/people/hs.http/grants", "{\"role\": \"DIRECTOR\"}");
        assertEquals(200, granted.statusCode(), granted.body());
        documented("POST", people + "/{account}/grants", granted);
        HttpResponse<String> revoked = admin.send("DELETE", "/centers/hanshan/people/hs.http/grants?role=DIRECTOR", null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        documented("DELETE", people + "/{account}/grants", revoked);
        HttpResponse<String> disabled = admin.send("PUT", "/centers/hanshan/people/hs.http/enabled", "{\"enabled\": false}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        documented("PUT", people + "/{account}/enabled", disabled);
        HttpResponse<String> enabled = admin.send("PUT", "/centers/hanshan/people/hs.http/enabled", "{\"enabled\": true}");
        documented("PUT", people + "/{account}/enabled", enabled);

        HttpResponse<String> reset = admin.send("PUT", "/people/hs.http/password", "{\"newPassword\": \"Second-pass-34\"}");
        assertEquals(204, reset.statusCode(), reset.body());
        documented("PUT", "/people/{account}/password", reset);
        Browser clerk = signIn("hs.clerk");
        HttpResponse<String> notMine = clerk.send("PUT", "/people/hs.http/password", "{\"newPassword\": \"Third-pass-567\"}");
        assertEquals(403, notMine.statusCode(), notMine.body());
        documented("PUT", "/people/{account}/password", notMine);

        String tokens = "/centers/{centerId}/tokens";
        HttpResponse<String> issued = admin.send("POST", "/centers/hanshan/tokens",
                "{\"name\": \"数据交换\", \"departmentId\": \"police\", \"scope\": [\"CASE_READ\", \"CASE_RECEIVE\"],"
                        + " \"expiresAt\": \"2027-06-30T23:59:59+08:00\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        documented("POST", tokens, issued);
        String id = json(issued).getAsJsonObject("token").get("id").getAsString();
        HttpResponse<String> revokedToken = admin.send("DELETE", "/centers/hanshan/tokens/" + id, null);
        assertEquals(200, revokedToken.statusCode(), revokedToken.body());
        documented("DELETE", tokens + "/{tokenId}", revokedToken);
        HttpResponse<String> unknownToken = admin.send("DELETE", "/centers/hanshan/tokens/ffffffffffffffff", null);
        assertEquals(404, unknownToken.statusCode());
        documented("DELETE", tokens + "/{tokenId}", unknownToken);

        HttpResponse<String> wrong = signInResponse("hs.http", null, Map.of());
        assertEquals(401, wrong.statusCode(), "not hs.http's password");
        documented("POST", "/session", wrong);
    }

    private HttpResponse<String> signInResponse(String account, String cookie, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString("{\"account\": \"" + account + "\", \"password\": \"" + Fixture.PASSWORD + "\"}"));
        if (cookie != null) {
            request.header("Cookie", "ONESTOP_SESSION=" + cookie);
        }
        headers.forEach(request::header);
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** Signs in over HTTP and keeps what the answer gives: the cookie from Set-Cookie, the CSRF token from the body. */
    private Browser signIn(String account) throws Exception {
        HttpResponse<String> r = signInResponse(account, null, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return new Browser(HttpCookie.parse(r.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue(),
                json(r).get("csrfToken").getAsString());
    }

    /** What a page in a browser sends: the session cookie, and the CSRF token on changes. */
    private final class Browser {
        private final String cookie;
        private final String csrf;

        Browser(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        String cookie() {
            return cookie;
        }

        String csrf() {
            return csrf;
        }

        Browser withCsrf(String other) {
            return new Browser(cookie, other);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null);
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                    .header("Cookie", "ONESTOP_SESSION=" + cookie)
                    .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json; charset=utf-8");
            }
            if (csrf != null && !method.equals("GET")) {
                request.header("X-CSRF-Token", csrf);
            }
            return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<String> bearer(String secret, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .header("Authorization", "Bearer " + secret)
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + path)).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + path)).header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A request the server answers without reading its large body, then closes: a client still sending may find
     * the connection closed before it reads the answer (RFC 9112, 9.6), so a lost answer is asked for again.
     */
    private HttpResponse<String> refusedBeforeItsBody(String method, String path, byte[] body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(method, path, "application/json", body);
            } catch (java.io.IOException closedWhileSending) {
                if (attempt == 3) {
                    throw closedWhileSending;
                }
            }
        }
    }

    /** As the wide integration token, which may receive cases in hanshan. */
    private HttpResponse<String> asToken(String method, String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + fx.wideToken.bearer())
                .method(method, BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The answer conforms to the schema the document gives for this operation and status; a 204 has no body,
     * and the document gives it none.
     */
    private void documented(String method, String template, HttpResponse<String> r) {
        if (r.statusCode() == 204) {
            assertEquals("", r.body());
            assertTrue(r.headers().firstValue("Content-Type").isEmpty(), "a 204 has no content type");
            JsonObject response = openApi.operation(method, template).getAsJsonObject("responses").getAsJsonObject("204");
            assertTrue(response != null && !response.has("content"), method + " " + template + " documents 204 without content");
            return;
        }
        JsonObject schema = openApi.responseSchema(method, template, r.statusCode());
        List<String> problems = openApi.validate(JsonParser.parseString(r.body()), schema);
        assertEquals(List.of(), problems, method + " " + template + " " + r.statusCode() + ": " + r.body());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static List<String> labels(JsonArray array, String field) {
        return array.asList().stream().map(JsonElement::getAsJsonObject).map(o -> o.get(field).getAsString()).toList();
    }
}
