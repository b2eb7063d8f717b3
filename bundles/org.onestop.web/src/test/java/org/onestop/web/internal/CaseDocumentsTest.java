package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.casePath;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents (文书) the acts issue, as data and as printable pages: for staff who may read the case (the
 * applicant masked unless they may read personal data), and for the applicant with the query code (always
 * masked, no account, no delivery receipt).
 */
class CaseDocumentsTest extends FixtureTest {

    /** A market case carried to its delivery by mail: acceptance notice, decision and delivery receipt. */
    private String number;
    private String queryCode;
    private List<String> documents;

    @BeforeAll
    void prepare() {
        JsonObject received = fx.receive(fx.clerk, Fixture.receiveBody());
        number = received.get("number").getAsString();
        queryCode = received.get("queryCode").getAsString();
        fx.acted(fx.clerk, number, "accept", "{}");
        fx.acted(fx.reviewer, number, "steps/complete", "{}");
        fx.acted(fx.reviewer, number, "steps/complete", "{}");
        fx.acted(fx.reviewer, number, "decision", "{\"decision\": \"APPROVED\", \"result\": \"JY23405220001234\"}");
        JsonObject delivered = fx.acted(fx.clerk, number, "delivery", """
                {"method": "MAIL", "trackingNumber": "EMS1234567890CN", "address": "安徽省马鞍山市含山县环峰镇褒禅山路88号"}
                """);
        documents = delivered.getAsJsonArray("documents").asList().stream()
                .map(d -> d.getAsJsonObject().get("number").getAsString()).toList();
    }

    @Test
    void theCaseListsItsDocumentsAsData() {
        assertEquals(List.of(number + "-D2", number + "-D5", number + "-D6"), documents,
                "numbered after the event that issued each");
        ApiResponse list = fx.get(fx.clerk, casePath(number) + "/documents");
        assertEquals(200, list.status(), list.text());
        JsonArray all = json(list).getAsJsonArray("documents");
        assertEquals(List.of("ACCEPTANCE", "APPROVAL", "DELIVERY"),
                all.asList().stream().map(d -> d.getAsJsonObject().get("kind").getAsString()).toList());
        JsonObject acceptance = all.get(0).getAsJsonObject();
        assertEquals("受理通知书", acceptance.get("title").getAsString());
        assertEquals("受理", acceptance.get("actLabel").getAsString());
        assertEquals("张三丰", acceptance.getAsJsonObject("applicant").get("name").getAsString());
        assertEquals(64, acceptance.get("digest").getAsString().length());
        assertFalse(acceptance.getAsJsonArray("body").isEmpty());

        ApiResponse one = fx.get(fx.supervisor, casePath(number) + "/documents/" + number + "-D5");
        assertEquals(200, one.status(), one.text());
        JsonObject approval = json(one);
        assertEquals("准予许可决定书", approval.get("kindLabel").getAsString());
        assertEquals("张**", approval.getAsJsonObject("applicant").get("name").getAsString(), "the supervisor reads it masked");
        assertFalse(one.text().contains(Fixture.PERSON_ID), one.text());
        assertEquals(acceptance.get("digest").getAsString().length(), approval.get("digest").getAsString().length());
    }

    @Test
    void aDocumentMustBelongToTheCaseOfThePath() {
        String other = fx.receiveMarketCase();
        ApiResponse foreign = fx.get(fx.clerk, casePath(other) + "/documents/" + number + "-D2");
        assertEquals(404, foreign.status(), foreign.text());
        assertEquals("documentNumber", error(foreign).get("field").getAsString());
        assertEquals(0, json(fx.get(fx.clerk, casePath(other) + "/documents")).getAsJsonArray("documents").size());
        assertEquals(404, fx.get(fx.clerk, casePath(number) + "/documents/" + number + "-D99").status());
        assertEquals(404, fx.get(fx.clerk, casePath(other) + "/documents/" + number + "-D2/print").status());
        ApiResponse hidden = fx.get(fx.hrssClerk, casePath(number) + "/documents/" + number + "-D2");
        assertEquals(404, hidden.status(), "another department reads no document of the case");
        assertEquals("number", error(hidden).get("field").getAsString());
        assertEquals(403, fx.get(fx.admin, casePath(number) + "/documents").status());
        assertEquals(401, fx.get(casePath(number) + "/documents").status());
    }

    @Test
    void staffPrintAWholeChinesePageMaskedByTheirPermission() {
        ApiResponse page = fx.get(fx.clerk, casePath(number) + "/documents/" + number + "-D5/print");
        assertEquals(200, page.status(), page.text());
        assertEquals("text/html; charset=utf-8", page.contentType());
        String html = page.text();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"zh-CN\">"));
        assertTrue(html.contains("决定书") && html.contains("size: A4"), html);
        assertTrue(html.contains("张三丰"), "the market clerk reads personal data");
        String policy = page.headers().get("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'sha256-"), policy);
        assertFalse(policy.contains("unsafe-inline'; script") || policy.contains("script-src 'unsafe-inline'"), policy);

        ApiResponse masked = fx.get(fx.supervisor, casePath(number) + "/documents/" + number + "-D5/print");
        assertEquals(200, masked.status());
        assertFalse(masked.text().contains("张三丰") || masked.text().contains(Fixture.PERSON_ID), masked.text());
        assertTrue(masked.text().contains("张**"));

        ApiResponse missing = fx.get(fx.clerk, casePath(number) + "/documents/" + number + "-D1/print");
        assertEquals(404, missing.status());
        assertNull(missing.contentType(), "a refusal is JSON, as everywhere");
        assertEquals("documentNumber", error(missing).get("field").getAsString());
    }

    @Test
    void theApplicantPrintsTheirOwnNoticesWithTheQueryCode() {
        String print = "/public" + casePath(number) + "/documents/" + number + "-D2/print?queryCode=";
        ApiResponse page = fx.get(print + queryCode);
        assertEquals(200, page.status(), page.text());
        assertEquals("text/html; charset=utf-8", page.contentType());
        String html = page.text();
        assertTrue(html.contains("受理通知书") && html.contains("lang=\"zh-CN\""));
        assertTrue(html.contains("张**"));
        for (String secret : List.of("张三丰", Fixture.PERSON_ID, "13912345678", "hs.clerk")) {
            assertFalse(html.contains(secret), secret + " in the public page");
        }
        assertTrue(html.contains("王窗口"), "the clerk is named, without the account");

        String wrong = queryCode.equals("22222222") ? "33333333" : "22222222";
        ApiResponse wrongCode = fx.get(print + wrong);
        assertEquals(404, wrongCode.status());
        assertEquals("number", error(wrongCode).get("field").getAsString());
        assertEquals(400, fx.get(print.substring(0, print.indexOf('?'))).status(), "the query code is required");
        ApiResponse receipt = fx.get("/public" + casePath(number) + "/documents/" + number + "-D6/print?queryCode="
                + queryCode);
        assertEquals(404, receipt.status(), "the delivery receipt, with the address, is not the public's");
        assertEquals("documentNumber", error(receipt).get("field").getAsString());

        JsonObject progress = json(fx.get("/public/centers/hanshan/cases/" + number + "?queryCode=" + queryCode));
        assertEquals(List.of(number + "-D2", number + "-D5"), progress.getAsJsonArray("documents").asList().stream()
                .map(d -> d.getAsJsonObject().get("number").getAsString()).toList());
    }
}
