package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
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
 * and the demo catalogs, called over HTTP. Every answer, success or error, is checked against the schema
 * {@code openapi.json} gives for its operation and status.
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
        HttpResponse<String> received = send("POST", CASES, "application/json; charset=utf-8",
                Fixture.receiveBody().getBytes(StandardCharsets.UTF_8));
        assertEquals(201, received.statusCode(), received.body());
        documented("POST", "/centers/{centerId}/cases", received);
        String location = received.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/v1/centers/hanshan/cases/340522-20261125-0001", location);
        JsonObject c = json(received);
        assertEquals("340522-20261125-0001", c.get("number").getAsString());
        assertTrue(c.get("queryCode").getAsString().matches("\\d{6}"), "the clerk gets the query code once");
        assertEquals("RECEIVED", c.get("state").getAsString());
        assertEquals("已收件", c.get("stateLabel").getAsString());
        assertEquals("窗口", c.get("channelLabel").getAsString());
        assertEquals("HS-SCJG-003", c.get("itemCode").getAsString());
        assertEquals(1, c.get("itemVersion").getAsInt());
        assertEquals("2026-11-25", c.get("receivedOn").getAsString());
        JsonObject applicant = c.getAsJsonObject("applicant");
        assertEquals("张**", applicant.get("name").getAsString());
        assertEquals(Fixture.PERSON_ID.substring(0, 6) + "********" + Fixture.PERSON_ID.substring(14),
                applicant.get("idNumber").getAsString());
        assertEquals("139****5678", applicant.get("phone").getAsString());
        assertEquals("自然人", applicant.get("typeLabel").getAsString());
        JsonObject event = c.getAsJsonArray("timeline").get(0).getAsJsonObject();
        assertEquals("收件", event.get("actLabel").getAsString());
        assertEquals("王窗口", event.get("actor").getAsString());
        assertEquals("A03", event.get("window").getAsString());
        JsonObject clock = c.getAsJsonObject("clock");
        assertEquals(5, clock.get("limitDays").getAsInt());
        assertFalse(clock.has("light"), "no light before acceptance");
        assertFalse(c.has("acceptedOn"));

        HttpResponse<String> fetched = client.send(HttpRequest.newBuilder(base.resolve(location)).GET().build(),
                BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode());
        documented("GET", CASE, fetched);
        assertFalse(json(fetched).has("queryCode"), "a public view never shows the query code");
        assertEquals("张**", json(fetched).getAsJsonObject("applicant").get("name").getAsString());

        String number = CASES + "/340522-20261125-0001";
        HttpResponse<String> accepted = post(number + "/accept", "{\"actor\": \"李审核\", \"window\": \"A03\"}");
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

        HttpResponse<String> again = post(number + "/accept", "{\"actor\": \"李审核\"}");
        assertEquals(409, again.statusCode());
        documented("POST", CASE + "/accept", again);
        assertEquals("STATE", json(again).getAsJsonObject("error").get("code").getAsString());

        HttpResponse<String> concluded = post(number + "/conclude", "{\"actor\": \"李审核\", \"note\": \"准予许可\"}");
        assertEquals(200, concluded.statusCode(), concluded.body());
        documented("POST", CASE + "/conclude", concluded);
        JsonObject done = json(concluded);
        assertEquals("已办结", done.get("stateLabel").getAsString());
        assertEquals("2026-11-25", done.get("concludedOn").getAsString());
        assertEquals(List.of("收件", "受理", "办结"), labels(done.getAsJsonArray("timeline"), "actLabel"));
        assertEquals(3, done.get("revision").getAsInt());

        for (String query : List.of("", "?state=CONCLUDED", "?item=HS-SCJG-003&limit=10")) {
            HttpResponse<String> list = get(CASES + query);
            documented("GET", "/centers/{centerId}/cases", list);
            JsonArray cases = json(list).getAsJsonArray("cases");
            assertEquals(1, cases.size(), query);
            assertFalse(cases.get(0).getAsJsonObject().has("queryCode"));
        }
        assertEquals(0, json(get(CASES + "?state=RECEIVED")).getAsJsonArray("cases").size());

        for (HttpResponse<String> r : List.of(received, fetched, accepted, concluded, get(CASES))) {
            assertFalse(r.body().contains(Fixture.PERSON_ID) || r.body().contains("张三丰")
                    || r.body().contains("13912345678"), "personal data leaves the server only masked");
        }
    }

    @Test
    void everyReadOperationAnswersAsDocumented() throws Exception {
        Map<String, String> examples = Map.ofEntries(
                Map.entry("/health", "/health"),
                Map.entry("/plugins", "/plugins"),
                Map.entry("/centers", "/centers"),
                Map.entry("/centers/{centerId}", "/centers/hanshan"),
                Map.entry("/centers/{centerId}/departments", "/centers/hanshan/departments"),
                Map.entry("/centers/{centerId}/departments/{departmentId}", "/centers/hanshan/departments/resources"),
                Map.entry("/centers/{centerId}/items", "/centers/hanshan/items?q=" + URLEncoder.encode("许可", StandardCharsets.UTF_8)),
                Map.entry("/centers/{centerId}/items/{code}", "/centers/hanshan/items/HS-ZJ-001?on=2026-11-25"),
                Map.entry("/centers/{centerId}/cases", "/centers/maanshan/cases?limit=5"),
                Map.entry("/calendar/deadline", "/calendar/deadline?from=2026-09-30&days=3&center=hanshan"),
                Map.entry("/calendar/between", "/calendar/between?from=2026-09-30&to=2026-10-10"),
                Map.entry("/calendar/days", "/calendar/days?from=2026-09-18&to=2026-10-12"));
        for (var e : examples.entrySet()) {
            HttpResponse<String> r = get(e.getValue());
            assertEquals(200, r.statusCode(), e.getValue() + ": " + r.body());
            documented("GET", e.getKey(), r);
        }
        JsonObject plugin = json(get("/plugins")).getAsJsonArray("plugins").get(0).getAsJsonObject();
        assertEquals("CaseListener", plugin.get("kind").getAsString());
        assertEquals("journal", plugin.get("id").getAsString());
        assertEquals("办件日志", plugin.get("label").getAsString());
        int licences = json(get(examples.get("/centers/{centerId}/items"))).getAsJsonArray("items").size();
        assertTrue(licences > 0);
        assertEquals(fx.oneStop.catalog().items("hanshan", new ItemQuery(null, null, null, "许可")).size(), licences,
                "the Chinese query text arrives intact");
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
        HttpResponse<String> sized = send("POST", CASES, "application/json", big);
        assertEquals(413, sized.statusCode());
        documented("POST", "/centers/{centerId}/cases", sized);
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + CASES))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", json(chunked).getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void wrongMediaTypeAndWrongEncodingAreRefused() throws Exception {
        HttpResponse<String> text = send("POST", CASES, "text/plain; charset=utf-8",
                Fixture.receiveBody().getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        documented("POST", "/centers/{centerId}/cases", text);
        HttpResponse<String> gbk = send("POST", CASES, "application/json", Fixture.receiveBody().getBytes(Charset.forName("GBK")));
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
        HttpResponse<String> r = post(CASES, "{\"itemCode\": \"HS-SCJG-003\", \"act\": {\"actor\": \"王窗口\"}}");
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

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + path)).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1" + path)).header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The answer conforms to the schema the document gives for this operation and status. */
    private void documented(String method, String template, HttpResponse<String> r) {
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
