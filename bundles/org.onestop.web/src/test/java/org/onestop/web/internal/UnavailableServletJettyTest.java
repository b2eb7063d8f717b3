package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.web.internal.servlet.UnavailableServlet;

/**
 * The stand-in that answers at {@code /api/v1/*} while the API is not registered, in a real Jetty 12 (EE10, the
 * line Felix HTTP embeds) on 127.0.0.1: every request is a JSON 503 with Retry-After that no cache keeps, in the
 * API's error shape, and the health check reads DOWN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnavailableServletJettyTest {

    private static final String MESSAGE = "服务暂不可用：平台正在启动，或配置有误（请查看日志）。请稍后重试。";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Server server;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // The same mapping the whiteboard component declares.
        context.addServlet(new ServletHolder(new UnavailableServlet()), "/api/v1/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void everyRequestIsAJson503WithRetryAfterInTheErrorShapeOfTheApi() throws Exception {
        for (String path : List.of("/api/v1", "/api/v1/", "/api/v1/centers", "/api/v1/centers/hanshan/cases?limit=5",
                "/api/v1/session", "/api/v1/openapi.json", "/api/v1/health/", "/api/v1/nope")) {
            HttpResponse<byte[]> r = send("GET", path, null);
            assertUnavailable(r, path);
            JsonObject error = json(r).getAsJsonObject("error");
            assertEquals(Set.of("error"), json(r).keySet(), path);
            assertEquals("UNAVAILABLE", error.get("code").getAsString(), path);
            assertEquals(MESSAGE, error.get("message").getAsString(), path);
            assertFalse(error.has("field"), "like every error that concerns no field: " + path);
            Set<String> detail = Arrays.stream(Views.ErrorDetail.class.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertTrue(detail.containsAll(error.keySet()), "the API's error shape: " + error);
        }
    }

    @Test
    void everyMethodIsAnswered() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<byte[]> r = send(method, "/api/v1/centers/hanshan/cases", "{\"itemCode\": \"HS-SCJG-003\"}");
            assertUnavailable(r, method);
            assertEquals("UNAVAILABLE", json(r).getAsJsonObject("error").get("code").getAsString(), method);
            assertEquals("close", r.headers().firstValue("Connection").orElse(""),
                    "the body is left unread, and the client is told the connection ends: " + method);
        }
        HttpResponse<byte[]> postHealth = send("POST", "/api/v1/health", "{}");
        assertUnavailable(postHealth, "POST /health");
        assertEquals("UNAVAILABLE", json(postHealth).getAsJsonObject("error").get("code").getAsString(),
                "only GET and HEAD of /health read as a health check");
    }

    @Test
    void theHealthCheckReadsDown() throws Exception {
        HttpResponse<byte[]> get = send("GET", "/api/v1/health", null);
        assertUnavailable(get, "GET /health");
        assertEquals(JsonParser.parseString("{\"status\": \"DOWN\"}"), JsonParser.parseString(text(get)));
        HttpResponse<byte[]> head = send("HEAD", "/api/v1/health", null);
        assertEquals(503, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals("5", head.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void aHeadIsTheHeadersOfGetWithoutTheBody() throws Exception {
        HttpResponse<byte[]> get = send("GET", "/api/v1/centers", null);
        HttpResponse<byte[]> head = send("HEAD", "/api/v1/centers", null);
        assertEquals(503, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElseThrow());
    }

    private static void assertUnavailable(HttpResponse<byte[]> r, String what) {
        assertEquals(503, r.statusCode(), what);
        assertEquals("5", r.headers().firstValue("Retry-After").orElseThrow(), what);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow(), what);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow(), what);
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow()
                .toLowerCase(Locale.ROOT).replace(" ", ""), what);
        assertEquals(r.body().length, Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow()), what);
    }

    private HttpResponse<byte[]> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        return JsonParser.parseString(text(r)).getAsJsonObject();
    }
}
