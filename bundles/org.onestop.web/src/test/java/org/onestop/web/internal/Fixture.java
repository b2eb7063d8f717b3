package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.CaseService;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.id.ResidentId;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;
import org.onestop.sdk.OneStop;

/**
 * The real services (the SDK over an embedded database in a temporary folder) with the two demo catalogs
 * of the distribution, maanshan and hanshan, and a router over them. Today is Wednesday 2026-11-25 in
 * China, for the services and the router alike.
 */
final class Fixture implements AutoCloseable {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), CHINA);
    static final Path DEMO_CATALOGS = Path.of("../../distribution/src/main/demo-base/etc/catalog");

    /** A valid resident ID (GB 11643) of someone from Hanshan county. */
    static final String PERSON_ID = withCheck("34052219900101123");

    final OneStop oneStop;
    final ApiRouter router;

    Fixture(Path dataDir) {
        this(dataDir, UnaryOperator.identity());
    }

    /** @param cases wraps the real case service, for the tests that need it to fail in a given way */
    Fixture(Path dataDir, UnaryOperator<CaseService> cases) {
        assertTrue(Files.isRegularFile(DEMO_CATALOGS.resolve("hanshan.json")), "demo catalogs at " + DEMO_CATALOGS.toAbsolutePath());
        oneStop = OneStop.builder().dataDir(dataDir).clock(TODAY).discoverPlugins(false)
                .listener(new JournalListener()).build();
        oneStop.importCatalog(DEMO_CATALOGS.resolve("maanshan.json"));
        oneStop.importCatalog(DEMO_CATALOGS.resolve("hanshan.json"));
        router = router(oneStop.catalog(), cases.apply(oneStop.cases()), oneStop.calendar());
    }

    ApiRouter router(CatalogService catalog, CaseService cases, WorkCalendar calendar) {
        return new ApiRouter(new OneStopApi(catalog, cases, calendar, oneStop.plugins(), "9.9.9.test").routes());
    }

    ApiResponse get(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return router.handle(ApiRequest.of("GET", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1)));
    }

    ApiResponse post(String path, String json) {
        return post(path, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse post(String path, String contentType, byte[] body) {
        return router.handle(new ApiRequest("POST", path, null, contentType, ApiRequest.Body.of(body)));
    }

    static JsonObject json(ApiResponse response) {
        return JsonParser.parseString(response.text()).getAsJsonObject();
    }

    /** The {@code error} object of an error answer. */
    static JsonObject error(ApiResponse response) {
        return json(response).getAsJsonObject("error");
    }

    /** A receive request for a food business licence (promised in 5 working days) at hanshan. */
    static String receiveBody() {
        return """
                {"itemCode": "HS-SCJG-003",
                 "applicant": {"type": "PERSON", "name": "张三丰", "idNumber": "%s", "phone": "13912345678"},
                 "channel": "WINDOW",
                 "materials": [{"name": "食品经营许可申请书", "form": "ORIGINAL", "copies": 1}],
                 "act": {"actor": "王窗口", "window": "A03", "note": "材料齐全"}}
                """.formatted(PERSON_ID);
    }

    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Override
    public void close() {
        oneStop.close();
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
