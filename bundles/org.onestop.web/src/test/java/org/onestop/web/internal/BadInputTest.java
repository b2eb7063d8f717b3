package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onestop.web.internal.Fixture.Who;

/**
 * Bad input on the access endpoints: missing fields, wrong types, huge bodies, bodies not in UTF-8, SQL and
 * script fragments. Each is a 4xx naming its field where there is one, never a 500, and nothing is stored half.
 */
class BadInputTest extends FixtureTest {

    private static final String PEOPLE = "/centers/hanshan/people";
    private static final String TOKENS = "/centers/hanshan/tokens";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|account",
            "{\"account\": \"hs.new1\"}|name",
            "{\"account\": \"hs.new1\", \"name\": \"新人\"}|password",
            "{\"account\": \"hs.new1\", \"name\": \"  \", \"password\": \"Correct-horse-9\"}|name",
            "{\"account\": 12345, \"name\": \"新人\", \"password\": \"Correct-horse-9\"}|account",
            "{\"account\": [\"hs.new1\"], \"name\": \"新人\", \"password\": \"Correct-horse-9\"}|account",
            "{\"account\": \"hs.new1\", \"name\": {\"zh\": \"新人\"}, \"password\": \"Correct-horse-9\"}|name",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": 1234567890123}|password",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"short1\", \"grants\": [{\"role\": \"DIRECTOR\"}]}|password",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": {}}|grants",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [null]}|grants[0]",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{}]}|grants[0].role",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"KING\"}]}|grants[0].role",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": 1}]}|grants[0].role",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"CLERK\"}]}|grants[0].departmentId",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"CLERK\", \"departmentId\": \"nowhere\"}]}|grants[0].departmentId",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"INTEGRATION\"}]}|grants[0].role",
            "{\"account\": \"x' OR '1'='1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"DIRECTOR\"}]}|account",
            "{\"account\": \"hs.clerk\", \"name\": \"重名\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"DIRECTOR\"}]}|account",
            // A misspelt field is refused, not dropped with its default taken: at the top and inside.
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"pasword\": \"Correct-horse-9\"}|pasword",
            // A name given twice is refused rather than the last one taken: at the top and inside.
            "{\"account\": \"hs.new1\", \"account\": \"hs.new2\", \"name\": \"新人\", \"password\": \"Correct-horse-9\"}|account",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"DIRECTOR\", \"role\": \"SUPERVISOR\"}]}|grants[0].role",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [], \"x\": 1e9999999999}|x",
            "{\"account\": \"hs.new1\", \"name\": \"新人\", \"password\": \"Correct-horse-9\", \"grants\": [{\"role\": \"CLERK\", \"department\": \"market\"}]}|grants[0].department"})
    void aBadNewPersonIs4xxOnItsFieldAndNothingIsStored(String body, String field) {
        int before = people();
        ApiResponse r = fx.post(fx.admin, PEOPLE, body);
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.text());
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertTrue(error(r).get("message").getAsString().codePoints().anyMatch(c -> c >= 0x4E00), "a Chinese message");
        assertEquals(before, people(), "nothing stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Robert'); DROP TABLE PERSON;--", "张三' OR '1'='1", "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>", "王五\\u0000"})
    void sqlAndScriptInANameAreStoredAsTextAndComeBackEscaped(String name) {
        String account = "hs.odd" + Math.abs(name.hashCode() % 100000);
        String body = "{\"account\": \"" + account + "\", \"name\": " + com.google.gson.JsonParser.parseString(
                "\"" + name.replace("\"", "\\\"") + "\"") + ", \"password\": \"Correct-horse-9\", "
                + "\"grants\": [{\"role\": \"DIRECTOR\"}]}";
        ApiResponse r = fx.post(fx.admin, PEOPLE, body);
        String stored = name.replace("\\u0000", "\u0000");
        if (r.status() == 400) {
            // A control character may be refused outright; then it is refused on the name, and nothing is stored.
            assertEquals("name", error(r).get("field").getAsString(), r.text());
            return;
        }
        assertEquals(201, r.status(), r.text());
        assertEquals(stored, json(r).get("name").getAsString());
        assertFalse(r.text().contains("<") || r.text().contains(">"), "HTML-significant characters go out escaped: " + r.text());
        ApiResponse list = fx.get(fx.admin, PEOPLE);
        assertEquals(200, list.status(), "the table is still there: " + list.text());
        boolean found = false;
        for (JsonElement p : json(list).getAsJsonArray("people")) {
            found |= p.getAsJsonObject().get("name").getAsString().equals(stored);
        }
        assertTrue(found, "stored as text, exactly");
        assertFalse(list.text().contains("<script>"));
    }

    @Test
    void aHugeBodyIs413AndABodyNotInUtf8Is400() {
        byte[] huge = new byte[ApiRouter.MAX_BODY_BYTES + 10];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        for (String path : new String[] {PEOPLE, TOKENS, "/session", PEOPLE + "/hs.clerk/grants"}) {
            ApiResponse r = fx.post(path.equals("/session") ? Who.ANONYMOUS : fx.admin, path, "application/json", huge);
            assertEquals(413, r.status(), path);
            assertEquals("PAYLOAD_TOO_LARGE", error(r).get("code").getAsString());
        }
        byte[] gbk = "{\"account\": \"hs.gbk\", \"name\": \"含山人\", \"password\": \"Correct-horse-9\"}"
                .getBytes(Charset.forName("GBK"));
        ApiResponse r = fx.post(fx.admin, PEOPLE, "application/json", gbk);
        assertEquals(400, r.status());
        assertTrue(error(r).get("message").getAsString().contains("UTF-8"));
        ApiResponse latin = fx.post(fx.admin, PEOPLE, "application/json; charset=iso-8859-1",
                "{}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(415, latin.status());
    }

    @Test
    void emptyNamesAndDeepNestingAreRefusedForWhatTheyAre() {
        ApiResponse emptyField = fx.post(fx.admin, PEOPLE, "{\"\": 1}");
        assertEquals(400, emptyField.status(), emptyField.text());
        assertTrue(error(emptyField).get("message").getAsString().contains("名称为空"), emptyField.text());
        ApiResponse emptyParameter = fx.get("/calendar/deadline?from=2026-09-30&days=5&=x");
        assertEquals(400, emptyParameter.status(), emptyParameter.text());
        assertTrue(error(emptyParameter).get("message").getAsString().contains("缺少名称"), emptyParameter.text());
        ApiResponse deep = fx.post(fx.admin, PEOPLE, "[".repeat(300) + "]".repeat(300));
        assertEquals(400, deep.status(), deep.text());
        assertTrue(error(deep).get("message").getAsString().contains("嵌套层数过多"), deep.text());
    }

    @Test
    void aVeryLongPasswordIsRefusedAsAWrongOne() {
        // The core hashes an over-long password as the empty one (one hash of the usual cost): no timing here.
        String longPassword = "a1".repeat(200_000);
        ApiResponse r = fx.post(Who.ANONYMOUS, "/session", "{\"account\": \"hs.director\", \"password\": \"" + longPassword + "\"}");
        assertEquals(401, r.status(), r.text());
        assertEquals("UNAUTHENTICATED", error(r).get("code").getAsString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|account",
            "{\"account\": \"hs.clerk\"}|password",
            "{\"account\": [\"hs.clerk\"], \"password\": \"x\"}|account",
            "{\"account\": \"hs.clerk\", \"password\": 1234567890}|password",
            "{\"account\": \"hs.clerk\", \"password\": true}|password",
            "{\"account\": null, \"password\": \"x\"}|account"})
    void aBadSignInIs400OnItsField(String body, String field) {
        ApiResponse r = fx.post(Who.ANONYMOUS, "/session", body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|enabled",
            "{\"enabled\": null}|enabled",
            "{\"enabled\": \"yes\"}|enabled",
            "{\"enabled\": \"false\"}|enabled",
            "{\"enabled\": 0}|enabled",
            "{\"enabled\": [true]}|enabled"})
    void enabledMustBeAJsonBoolean(String body, String field) {
        ApiResponse r = fx.send(fx.admin, "PUT", PEOPLE + "/hs.director/enabled", body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
        assertEquals(200, fx.get(fx.byRole.get(org.onestop.api.access.Role.DIRECTOR), "/session").status(),
                "the director was not disabled");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|newPassword",
            "{\"newPassword\": 12345678901}|newPassword",
            "{\"oldPassword\": 1, \"newPassword\": \"Brand-new-pass-2\"}|oldPassword",
            "{\"oldPassword\": \"Correct-horse-9\", \"newPassword\": \"short\"}|newPassword",
            "{\"oldPassword\": \"Correct-horse-9\", \"newPassword\": \"onlyletterslong\"}|newPassword"})
    void aBadPasswordChangeIs400OnItsField(String body, String field) {
        Who supervisor = fx.signIn("hs.supervisor");
        ApiResponse r = fx.send(supervisor, "PUT", "/people/hs.supervisor/password", body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
        assertEquals(200, fx.post(Who.ANONYMOUS, "/session",
                "{\"account\": \"hs.supervisor\", \"password\": \"Correct-horse-9\"}").status(), "unchanged");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|name",
            "{\"name\": \"x\", \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope",
            "{\"name\": \"x\", \"scope\": [], \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope",
            "{\"name\": \"x\", \"scope\": \"CASE_READ\", \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope",
            "{\"name\": \"x\", \"scope\": [\"NOPE\"], \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope[0]",
            "{\"name\": \"x\", \"scope\": [7], \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope[0]",
            "{\"name\": \"x\", \"scope\": [\"PEOPLE_MANAGE\"], \"expiresAt\": \"2026-12-25T00:00:00Z\"}|scope",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"]}|expiresAt",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"tomorrow\"}|expiresAt",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2026-12-25T00:00:00\"}|expiresAt",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}|expiresAt",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2030-01-01T00:00:00Z\"}|expiresAt",
            "{\"name\": \"x\", \"scope\": [\"CASE_READ\"], \"expiresAt\": 1798761600}|expiresAt",
            "{\"name\": \"x\", \"departmentId\": \"nowhere\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2026-12-25T00:00:00Z\"}|departmentId"})
    void aBadTokenRequestIs400OnItsFieldAndIssuesNothing(String body, String field) {
        int before = json(fx.get(fx.admin, TOKENS)).getAsJsonArray("tokens").size();
        ApiResponse r = fx.post(fx.admin, TOKENS, body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
        assertEquals(before, json(fx.get(fx.admin, TOKENS)).getAsJsonArray("tokens").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|role|400",
            "?role=KING|role|400",
            "?role=CLERK|departmentId|400",
            "?role=CLERK&departmentId=hrss|role|404",
            "?role=DIRECTOR&sealId=hs-seal-01|sealId|400"})
    void aBadRevokeIs4xxOnItsField(String query, String field, int status) {
        ApiResponse r = fx.send(fx.admin, "DELETE", PEOPLE + "/hs.clerk/grants" + (query == null ? "" : query), null);
        assertEquals(status, r.status(), r.text());
        assertEquals(field, error(r).get("field").getAsString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/centers/hanshan/security-log?limit=0|limit",
            "/centers/hanshan/security-log?limit=501|limit",
            "/centers/hanshan/security-log?limit=ten|limit",
            "/public/centers/hanshan/cases/340522-20261125-0001|queryCode",
            "/public/centers/nowhere/cases/340522-20261125-0001?queryCode=123456|centerId"})
    void badQueryParametersOfTheNewRoutesNameTheirField(String url, String field) {
        ApiResponse r = fx.get(fx.supervisor, url);
        assertTrue(r.status() == 400 || r.status() == 404, r.text());
        assertEquals(field, error(r).get("field").getAsString());
    }

    @Test
    void grantsToAnUnknownPersonOrDepartmentAreRefusedByField() {
        ApiResponse unknown = fx.post(fx.admin, PEOPLE + "/nobody.here/grants", "{\"role\": \"DIRECTOR\"}");
        assertEquals(404, unknown.status());
        assertEquals("account", error(unknown).get("field").getAsString());
        ApiResponse badDepartment = fx.post(fx.admin, PEOPLE + "/hs.clerk/grants",
                "{\"role\": \"REVIEWER\", \"departmentId\": \"nowhere\"}");
        assertEquals(400, badDepartment.status());
        assertEquals("departmentId", error(badDepartment).get("field").getAsString());
        JsonArray grants = json(fx.get(fx.admin, PEOPLE)).getAsJsonArray("people");
        assertFalse(grants.toString().contains("nowhere"));
    }

    private int people() {
        return json(fx.get(fx.admin, PEOPLE)).getAsJsonArray("people").size();
    }
}
