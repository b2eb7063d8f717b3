package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.api.catalog.MaterialForm;

/**
 * The router over the real services and the demo catalogs, without any servlet container: routing, every
 * kind of refusal, and what each read operation answers. Requests that need a sign-in are sent as the market
 * clerk. Nothing here receives a case successfully, so the services are shared by all tests; the case flow
 * is in {@code ApiServletJettyTest}, access in {@code AccessTest} and {@code AccessMatrixTest}.
 */
class ApiRouterTest extends FixtureTest {

    private static final String CASES = "/centers/hanshan/cases";

    // --- routing -------------------------------------------------------------------------------------

    @Test
    void healthCountsCentersAndPlugins() {
        ApiResponse r = fx.get("/health");
        assertEquals(200, r.status());
        JsonObject body = json(r);
        assertEquals("UP", body.get("status").getAsString());
        assertEquals("9.9.9.test", body.get("version").getAsString());
        assertEquals(2, body.get("centers").getAsInt());
        assertEquals(1, body.get("plugins").getAsInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/nope", "/centers/", "/centers//departments", "/centers/hanshan/items/HS-RS-001/x",
            "/api/v1/health"})
    void unknownPathIs404WithTheErrorBody(String path) {
        ApiResponse r = fx.get(path);
        assertEquals(404, r.status());
        assertEquals("NOT_FOUND", error(r).get("code").getAsString());
        assertTrue(error(r).get("message").getAsString().startsWith("接口不存在"));
        assertFalse(error(r).has("field"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELETE|/centers|GET, HEAD",
            "POST|/health|GET, HEAD",
            "PUT|/centers/hanshan/cases|GET, HEAD, POST",
            "GET|/centers/hanshan/cases/340522-20261125-0001/accept|POST",
            "get|/centers|GET, HEAD"})
    void wrongMethodIs405WithAllow(String method, String path, String allow) {
        ApiResponse r = fx.router.handle(ApiRequest.of(method, path, null));
        assertEquals(405, r.status());
        assertEquals(List.of(allow.split(", ")), r.allow());
        assertEquals("METHOD_NOT_ALLOWED", error(r).get("code").getAsString());
    }

    @Test
    void headAnswersAsGet() {
        ApiResponse head = fx.router.handle(ApiRequest.of("HEAD", "/centers", null));
        assertEquals(200, head.status());
        assertEquals(fx.get("/centers").text(), head.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/centers/nowhere", "/centers/nowhere/departments", "/centers/nowhere/departments/market",
            "/centers/nowhere/items", "/centers/nowhere/items/HS-RS-001"})
    void unknownCenterIs404OnCenterId(String path) {
        ApiResponse r = fx.get(path);
        assertEquals(404, r.status());
        assertEquals("centerId", error(r).get("field").getAsString());
        assertTrue(error(r).get("message").getAsString().contains("nowhere"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/centers/nowhere/cases", "/centers/nowhere/cases/340522-20261125-0001"})
    void casesOfAnUnknownCenterAre403ForAClerkWhoHasNoRoleThere(String path) {
        ApiResponse r = fx.get(fx.clerk, path);
        assertEquals(403, r.status(), r.text());
        assertEquals("FORBIDDEN", error(r).get("code").getAsString());
        assertTrue(error(r).get("message").getAsString().contains("“nowhere”"), r.text());
    }

    // --- catalog -------------------------------------------------------------------------------------

    @Test
    void centersAndOneCenterWithItsLevelLabel() {
        JsonArray centers = json(fx.get("/centers")).getAsJsonArray("centers");
        assertEquals(List.of("hanshan", "maanshan"), strings(centers, "id"));
        JsonObject hanshan = json(fx.get("/centers/hanshan"));
        assertEquals("含山县政务服务中心", hanshan.get("name").getAsString());
        assertEquals("COUNTY", hanshan.get("level").getAsString());
        assertEquals("县级", hanshan.get("levelLabel").getAsString());
        assertEquals("maanshan", hanshan.get("parentId").getAsString());
        assertEquals("市级", json(fx.get("/centers/maanshan")).get("levelLabel").getAsString());
    }

    @Test
    void departmentsAndOneDepartmentWithWindows() {
        JsonArray departments = json(fx.get("/centers/hanshan/departments")).getAsJsonArray("departments");
        assertEquals(6, departments.size());
        JsonObject market = json(fx.get("/centers/hanshan/departments/market"));
        assertEquals("含山县市场监督管理局", market.get("name").getAsString());
        assertEquals(List.of("A01", "A02", "A03"), strings(market.getAsJsonArray("windows"), "code"));
        ApiResponse missing = fx.get("/centers/hanshan/departments/nope");
        assertEquals(404, missing.status());
        assertEquals("departmentId", error(missing).get("field").getAsString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|15",
            "department=hrss|2",
            "kind=PUBLIC_SERVICE|2",
            "handlingType=IMMEDIATE|4",
            "q=%E5%85%AC%E5%8F%B8|1",
            "department=market&handlingType=PROMISED|3",
            "department=&kind=&q=|15"})
    void itemsAreFiltered(String query, int count) {
        ApiResponse r = fx.get("/centers/hanshan/items" + (query == null ? "" : "?" + query));
        assertEquals(200, r.status(), r.text());
        assertEquals(count, json(r).getAsJsonArray("items").size());
    }

    @Test
    void itemSummaryCarriesLabels() {
        JsonObject first = json(fx.get("/centers/hanshan/items?department=hrss")).getAsJsonArray("items").get(0)
                .getAsJsonObject();
        assertEquals("HS-RS-001", first.get("code").getAsString());
        assertEquals("PUBLIC_SERVICE", first.get("kind").getAsString());
        assertEquals("公共服务", first.get("kindLabel").getAsString());
        assertEquals("即办件", first.get("handlingTypeLabel").getAsString());
        assertEquals(0, first.get("promisedLimitDays").getAsInt());
    }

    @Test
    void oneItemIsTheWholeGuideWithLabels() {
        ApiResponse r = fx.get("/centers/hanshan/items/HS-SCJG-003");
        assertEquals(200, r.status());
        JsonObject item = json(r);
        assertEquals("食品经营许可（新办）", item.get("name").getAsString());
        assertEquals(1, item.get("version").getAsInt());
        assertEquals("行政许可", item.get("kindLabel").getAsString());
        assertEquals("承诺件", item.get("handlingTypeLabel").getAsString());
        assertEquals(5, item.get("promisedLimitDays").getAsInt());
        JsonObject material = item.getAsJsonArray("materials").get(0).getAsJsonObject();
        assertEquals("食品经营许可申请书", material.get("name").getAsString());
        assertEquals(MaterialForm.valueOf(material.get("form").getAsString()).label(), material.get("formLabel").getAsString());
        assertFalse(item.getAsJsonArray("legalBases").isEmpty());
        assertFalse(item.getAsJsonArray("steps").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/centers/hanshan/items?kind=LICENCE|400|kind",
            "/centers/hanshan/items?handlingType=immediate|400|handlingType",
            "/centers/hanshan/items/HS-NOPE|404|code",
            "/centers/hanshan/items/HS-SCJG-003?version=abc|400|version",
            "/centers/hanshan/items/HS-SCJG-003?version=0|400|version",
            "/centers/hanshan/items/HS-SCJG-003?version=99999999999|400|version",
            "/centers/hanshan/items/HS-SCJG-003?version=9|404|version",
            "/centers/hanshan/items/HS-SCJG-003?on=2026-02-30|400|on",
            "/centers/hanshan/items/HS-SCJG-003?on=20261125|400|on",
            "/centers/hanshan/items/HS-SCJG-003?on=2020-01-01|404|on",
            "/centers/hanshan/items/HS-SCJG-003?version=1&on=2026-11-25|400|on",
            "/centers/hanshan/cases?state=OPEN|400|state",
            "/centers/hanshan/cases?limit=ten|400|limit",
            "/centers/hanshan/cases?limit=0|400|limit",
            "/centers/hanshan/cases?limit=501|400|limit",
            "/calendar/deadline?days=3|400|from",
            "/calendar/deadline?from=2026-09-30|400|days",
            "/calendar/deadline?from=2026-9-30&days=3|400|from",
            "/calendar/deadline?from=2026-09-30&days=3.5|400|days",
            "/calendar/deadline?from=2026-09-30&days=-1|400|days",
            "/calendar/deadline?from=2026-09-30&days=3&center=nowhere|404|center",
            "/calendar/between?from=2026-09-30|400|to",
            "/calendar/days?from=2026-10-10&to=2026-10-01|400|to",
            "/calendar/days?from=2026-01-01&to=2027-02-05|400|to",
            // Dates no center asks about: signed and five-digit years, and years outside 1949-2200.
            "/calendar/between?from=-999999999-01-01&to=9999-12-31|400|from",
            "/calendar/days?from=%2B999999999-12-20&to=%2B999999999-12-31|400|from",
            "/calendar/between?from=2026-01-01&to=%2B10000-01-01|400|to",
            "/calendar/between?from=1900-01-01&to=2026-01-01|400|from",
            "/calendar/deadline?from=9999-12-31&days=3650|400|from",
            "/calendar/days?from=2201-01-01&to=2201-01-05|400|from",
            // A parameter the route does not take, or one given twice, is refused rather than ignored.
            "/calendar/deadline?from=2026-09-30&days=5&centre=hanshan|400|centre",
            "/calendar/deadline?from=2026-09-30&days=5&days=6|400|days",
            "/centers/hanshan/items?departmnt=market|400|departmnt",
            "/health?verbose=1|400|verbose",
            "/calendar/deadline?from=2026-09-30&days=%2B5|400|days",
            "/calendar/deadline?from=2026-09-30&days=%EF%BC%95|400|days",
            "/calendar/deadline?from=2026-09-30&days=05|400|days"})
    void badQueryParametersNameTheirField(String url, int status, String field) {
        ApiResponse r = fx.get(fx.clerk, url);
        assertEquals(status, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertTrue(error(r).get("message").getAsString().codePoints().anyMatch(c -> c >= 0x4E00), "a Chinese message");
    }

    @Test
    void badEnumMessageListsTheValues() {
        String message = error(fx.get("/centers/hanshan/items?kind=LICENCE")).get("message").getAsString();
        assertTrue(message.contains("ADMINISTRATIVE_LICENSE") && message.contains("LICENCE"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%ZZ", "q=%E5%85", "q=%BA%AC%C9%BD"})
    void queryStringThatIsNotUtf8PercentEncodingIs400(String query) {
        ApiResponse r = fx.get("/centers/hanshan/items?" + query);
        assertEquals(400, r.status(), r.text());
        assertEquals("INVALID", error(r).get("code").getAsString());
    }

    // --- calendar ------------------------------------------------------------------------------------

    @Test
    void deadlineSkipsNationalDayAndCountsTheMakeUpSaturday() {
        JsonObject national = json(fx.get("/calendar/deadline?from=2026-09-30&days=3"));
        assertEquals("2026-10-10", national.get("deadline").getAsString());
        assertEquals(3, national.get("days").getAsInt());
        assertEquals("2026-09-30", national.get("from").getAsString());
        assertFalse(national.has("center"), "no center asked, the national calendar answers");
        JsonObject hanshan = json(fx.get("/calendar/deadline?from=2026-09-30&days=3&center=hanshan"));
        assertEquals("hanshan", hanshan.get("center").getAsString());
        assertEquals("2026-10-10", hanshan.get("deadline").getAsString());
    }

    @Test
    void answersThatRestOnPlainWeeksNameTheYearsWithoutASchedule() {
        JsonObject within = json(fx.get("/calendar/deadline?from=2026-09-30&days=3"));
        assertEquals(0, within.getAsJsonArray("unscheduledYears").size());
        assertFalse(within.has("warning"), "2026 has its schedule: nothing to warn about");

        // 2027's notice is not out yet: 20 working days from 2026-12-20 end in it.
        JsonObject across = json(fx.get("/calendar/deadline?from=2026-12-20&days=20&center=hanshan"));
        assertEquals("[2027]", across.getAsJsonArray("unscheduledYears").toString());
        assertTrue(across.get("warning").getAsString().startsWith("2027年的国务院节假日安排尚未载入"),
                across.get("warning").getAsString());

        JsonObject backwards = json(fx.get("/calendar/between?from=2025-01-03&to=2023-12-29"));
        assertEquals("[2023,2024]", backwards.getAsJsonArray("unscheduledYears").toString());
        assertTrue(backwards.get("warning").getAsString().startsWith("2023、2024年"));
        assertEquals("[2027]", json(fx.get("/calendar/days?from=2026-12-30&to=2027-01-04"))
                .getAsJsonArray("unscheduledYears").toString());
    }

    @Test
    void workingDaysBetweenBothWays() {
        assertEquals(3, json(fx.get("/calendar/between?from=2026-09-30&to=2026-10-10")).get("workingDays").getAsInt());
        assertEquals(-3, json(fx.get("/calendar/between?from=2026-10-10&to=2026-09-30&center=maanshan"))
                .get("workingDays").getAsInt());
    }

    @Test
    void daysCarryKindLabelNameAndWorking() {
        JsonArray days = json(fx.get("/calendar/days?from=2026-10-06&to=2026-10-10")).getAsJsonArray("days");
        assertEquals(List.of("HOLIDAY", "HOLIDAY", "WEEKDAY", "WEEKDAY", "MAKE_UP_WORKDAY"), strings(days, "kind"));
        JsonObject sixth = days.get(0).getAsJsonObject();
        assertEquals("国庆节", sixth.get("name").getAsString());
        assertEquals("法定节假日", sixth.get("kindLabel").getAsString());
        assertFalse(sixth.get("working").getAsBoolean());
        JsonObject tenth = days.get(4).getAsJsonObject();
        assertEquals("调休上班", tenth.get("kindLabel").getAsString());
        assertTrue(tenth.get("working").getAsBoolean());
        assertFalse(days.get(2).getAsJsonObject().has("name"), "an ordinary day has no name");
    }

    // --- bodies --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=gbk",
            "application/jsonp", "application/json;charset="})
    void postWithoutUtf8JsonMediaTypeIs415(String contentType) {
        ApiResponse r = fx.post(fx.clerk, CASES, contentType.isEmpty() ? null : contentType,
                Fixture.receiveBody().getBytes(StandardCharsets.UTF_8));
        assertEquals(415, r.status());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", error(r).get("code").getAsString());
    }

    @Test
    void mediaTypeParametersAreReadLikeRfc9110() {
        assertTrue(ApiRouter.isJson("application/json"));
        assertTrue(ApiRouter.isJson("Application/JSON ; Charset=\"UTF-8\""));
        assertTrue(ApiRouter.isJson("application/json; charset=utf-8; profile=x"));
        assertFalse(ApiRouter.isJson("application/json; charset=iso-8859-1"));
    }

    @Test
    void bodyOverOneMebibyteIs413AndOneMebibyteIsRead() {
        byte[] over = padded(ApiRouter.MAX_BODY_BYTES + 1);
        ApiResponse r = fx.post(fx.clerk, CASES, "application/json", over);
        assertEquals(413, r.status());
        assertEquals("PAYLOAD_TOO_LARGE", error(r).get("code").getAsString());
        // Exactly the limit is read: valid JSON, so the answer is about its content, not its size.
        ApiResponse atLimit = fx.post(fx.clerk, CASES, "application/json", padded(ApiRouter.MAX_BODY_BYTES));
        assertEquals(400, atLimit.status());
        assertEquals("itemCode", error(atLimit).get("field").getAsString());
    }

    @Test
    void bodyNotInUtf8Is400() {
        ApiResponse r = fx.post(fx.clerk, CASES, "application/json", Fixture.receiveBody().getBytes(Charset.forName("GBK")));
        assertEquals(400, r.status());
        assertTrue(error(r).get("message").getAsString().contains("UTF-8"));
    }

    @Test
    void byteOrderMarkIsTolerated() {
        ApiResponse r = fx.post(Fixture.Who.ANONYMOUS, "/session", "application/json",
                ("\uFEFF{\"account\":\"hs.clerk\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status(), "read, then refused for the missing password: " + r.text());
        assertEquals("password", error(r).get("field").getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"itemCode\": }", "{itemCode: 'HS-SCJG-003'}", "{} {}", "{\"a\":1} x",
            "{\"itemCode\":\"x\" /* note */}", "", "null", "[]", "\"text\"", "42"})
    void malformedOrNonObjectBodyIs400WithoutField(String body) {
        ApiResponse r = fx.post(fx.clerk, CASES, body);
        assertEquals(400, r.status(), body);
        assertEquals("INVALID", error(r).get("code").getAsString());
        assertFalse(error(r).has("field"), r.text());
    }

    @Test
    void syntaxErrorSaysWhere() {
        String message = error(fx.post(fx.clerk, CASES, "{\n  \"itemCode\": ,\n}")).get("message").getAsString();
        assertTrue(message.contains("第 2 行"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"itemCode\": {}}|itemCode",
            "{\"itemCode\": \"HS-SCJG-003\", \"applicant\": \"张三\"}|applicant",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": {}}|materials",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": [{\"name\": \"x\", \"copies\": \"two\"}]}|materials[0].copies",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": [{}, {\"copies\": 1.5}]}|materials[1].copies",
            "{\"itemCode\": \"HS-SCJG-003\", \"act\": [1]}|act"})
    void wrongTypeNamesTheField(String body, String field) {
        ApiResponse r = fx.post(fx.clerk, CASES, body);
        assertEquals(400, r.status());
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertTrue(error(r).get("message").getAsString().startsWith("字段“" + field + "”"), r.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "itemCode|\"itemCode\": \"HS-SCJG-003\",|",
            "applicant|\"applicant\": {\"type\": \"PERSON\", \"name\": \"张三丰\", \"idNumber\": \"ID\"},|",
            "applicant.type|\"type\": \"PERSON\",|",
            "applicant.name|\"name\": \"张三丰\",|\"name\": \"  \",",
            "applicant.idNumber|\"idNumber\": \"ID\"|\"phone\": \"1\"",
            "materials[0].form|\"form\": \"COPY\",|",
            "materials[0].copies|\"copies\": 2|\"copies\": 0",
            "materials[0].name|\"name\": \"申请书\",|\"name\": null,"})
    void missingRequiredFieldIs400BeforeAnyServiceIsCalled(String field, String remove, String replacement) {
        String full = """
                {"itemCode": "HS-SCJG-003",
                 "applicant": {"type": "PERSON", "name": "张三丰", "idNumber": "ID"},
                 "materials": [{"name": "申请书", "form": "COPY", "copies": 2}],
                 "act": {"window": "A03"}}
                """;
        String body = full.replace(remove, replacement == null ? "" : replacement);
        assertTrue(!body.equals(full), "the test removes something");
        ApiResponse r = fx.post(fx.clerk, CASES, body);
        assertEquals(400, r.status(), body);
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertEquals(0, json(fx.get(fx.clerk, CASES)).getAsJsonArray("cases").size(), "nothing was received");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"channel\": \"FAX\"|channel",
            "\"applicant\": {\"type\": \"person\", \"name\": \"张三丰\", \"idNumber\": \"ID\"}|applicant.type",
            "\"materials\": [{\"name\": \"申请书\", \"form\": \"PHOTOCOPY\", \"copies\": 1}]|materials[0].form",
            "\"act\": {\"actor\": \"王窗口\", \"on\": \"2026-11-31\"}|act.on",
            "\"act\": {\"actor\": \"王窗口\", \"on\": \"25/11/2026\"}|act.on"})
    void badEnumOrDateInBodyIs400OnItsField(String replacement, String field) {
        List<String> fields = new ArrayList<>(List.of("\"itemCode\": \"HS-SCJG-003\"",
                "\"applicant\": {\"type\": \"PERSON\", \"name\": \"张三丰\", \"idNumber\": \"" + Fixture.PERSON_ID + "\"}",
                "\"act\": {\"actor\": \"王窗口\"}"));
        // The replacement takes the place of the field of its name: a name given twice is refused of itself.
        String name = replacement.substring(0, replacement.indexOf(':'));
        fields.removeIf(f -> f.startsWith(name + ":"));
        fields.add(replacement);
        ApiResponse r = fx.post(fx.clerk, CASES, "{" + String.join(", ", fields) + "}");
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
    }

    @Test
    void serviceRefusalsComeThroughWithTheirField() {
        char check = Fixture.PERSON_ID.charAt(17);
        String badId = Fixture.receiveBody().replace(Fixture.PERSON_ID,
                Fixture.PERSON_ID.substring(0, 17) + (check == '0' ? '1' : '0'));
        ApiResponse invalid = fx.post(fx.clerk, CASES, badId);
        assertEquals(400, invalid.status(), invalid.text());
        assertEquals("applicant.idNumber", error(invalid).get("field").getAsString());

        ApiResponse unknownItem = fx.post(fx.clerk, CASES, Fixture.receiveBody().replace("HS-SCJG-003", "HS-NOPE"));
        assertEquals(404, unknownItem.status(), unknownItem.text());
        assertEquals("itemCode", error(unknownItem).get("field").getAsString());

        ApiResponse future = fx.post(fx.clerk, CASES, Fixture.receiveBody().replace("\"note\": \"材料齐全\"", "\"on\": \"2026-11-26\""));
        assertEquals(400, future.status(), future.text());
        assertEquals("act.on", error(future).get("field").getAsString());
    }

    @Test
    void anUnknownCaseIs404OnNumberWhateverTheBody() {
        String accept = CASES + "/340522-20261125-9999/accept";
        for (String body : List.of("{\"window\": \"A03\"}", "{\"on\": \"tomorrow\"}", "{}")) {
            ApiResponse unknown = fx.post(fx.clerk, accept, body);
            assertEquals(404, unknown.status(), unknown.text());
            assertEquals("number", error(unknown).get("field").getAsString());
        }
        ApiResponse unknownConclude = fx.post(fx.clerk, CASES + "/340522-20261125-9999/conclude", "{}");
        assertEquals(404, unknownConclude.status());
        assertNull(fx.get(fx.clerk, CASES + "/340522-20261125-9999").location());
        assertEquals(404, fx.get(fx.clerk, CASES + "/340522-20261125-9999").status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"itemCode\": 42}|itemCode|应为字符串",
            "{\"itemCode\": true}|itemCode|应为字符串",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": [{\"copies\": \"1\"}]}|materials[0].copies|应为整数",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": [{\"copies\": 99999999999}]}|materials[0].copies|应为整数",
            "{\"itemCode\": \"HS-SCJG-003\", \"materials\": [\"申请书\"]}|materials[0]|应为 JSON 对象",
            "{\"itemCode\": \"HS-SCJG-003\", \"act\": {\"window\": 3}}|act.window|应为字符串"})
    void aValueOfTheWrongTypeIsRefusedNotConverted(String body, String field, String expected) {
        ApiResponse r = fx.post(fx.clerk, CASES, body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertEquals("字段“" + field + "”" + expected, error(r).get("message").getAsString());
    }

    private static byte[] padded(int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        bytes[size - 1] = '}';
        return bytes;
    }

    private static List<String> strings(JsonArray array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonElement e : array) {
            values.add(e.getAsJsonObject().get(field).getAsString());
        }
        return values;
    }
}
