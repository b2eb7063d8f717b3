package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * First inquiries (首问负责制) over the API: the clerk asked first owns the inquiry, by account, until handing
 * it over; only the owner hands it on or closes it; supervisors read them, with the inquirer masked.
 */
class InquiriesTest extends FixtureTest {

    private static final String INQUIRIES = "/centers/hanshan/inquiries";

    private JsonObject open() {
        ApiResponse r = fx.post(fx.clerk, INQUIRIES, """
                {"subject": "开小吃店要办哪些证", "inquirer": "赵小满", "phone": "13800001111", "itemCode": "HS-SCJG-003",
                 "window": "A03"}
                """);
        assertEquals(201, r.status(), r.text());
        assertTrue(r.location().startsWith(INQUIRIES + "/SW-340522-20261125-"), r.location());
        return json(r);
    }

    @Test
    void theFirstClerkOwnsTheInquiryUntilHandingItOver() {
        JsonObject opened = open();
        String id = opened.get("id").getAsString();
        assertEquals("hs.clerk", opened.get("firstClerk").getAsString(), "the caller, by account");
        assertEquals("hs.clerk", opened.get("owner").getAsString());
        assertEquals("赵小满", opened.get("inquirer").getAsString(), "the clerk reads personal data");
        assertEquals("OPEN", opened.get("state").getAsString());
        assertEquals("处理中", opened.get("stateLabel").getAsString());
        assertEquals("首问登记", opened.getAsJsonArray("history").get(0).getAsJsonObject().get("kindLabel").getAsString());

        String path = INQUIRIES + "/" + id;
        ApiResponse notOwner = fx.post(fx.hrssClerk, path + "/hand-over", "{\"to\": \"hs.clerk.hrss\"}");
        assertEquals(403, notOwner.status(), "only the owner hands it over: " + notOwner.text());
        assertEquals("FORBIDDEN", error(notOwner).get("code").getAsString());
        assertEquals(403, fx.post(fx.hrssClerk, path + "/close", "{\"answer\": \"已答复\"}").status());
        assertEquals("to", error(fx.post(fx.clerk, path + "/hand-over", "{}")).get("field").getAsString());
        assertEquals("toWindow", error(fx.post(fx.clerk, path + "/hand-over",
                "{\"to\": \"hs.clerk.hrss\", \"toWindow\": \"Z99\"}")).get("field").getAsString());
        // Only the owner acts on it: handed to an account that cannot take it, it would be stranded.
        for (String nobody : List.of("hs.clerk.hrs", "hs.reviewer", "mas.admin")) {
            ApiResponse stranded = fx.post(fx.clerk, path + "/hand-over", "{\"to\": \"" + nobody + "\"}");
            assertEquals(400, stranded.status(), nobody + ": " + stranded.text());
            assertEquals("to", error(stranded).get("field").getAsString());
            assertTrue(error(stranded).get("message").getAsString().contains(nobody));
        }
        assertEquals("hs.clerk", json(fx.get(fx.clerk, path)).get("owner").getAsString(), "refused hand-overs changed nothing");

        ApiResponse handed = fx.post(fx.clerk, path + "/hand-over",
                "{\"to\": \"hs.clerk.hrss\", \"toWindow\": \"C03\", \"note\": \"社保卡问题转人社窗口\"}");
        assertEquals(200, handed.status(), handed.text());
        JsonObject h = json(handed);
        assertEquals("hs.clerk.hrss", h.get("owner").getAsString());
        assertEquals("C03", h.get("window").getAsString());
        assertEquals("hs.clerk", h.get("firstClerk").getAsString(), "the first clerk stays on record");
        JsonObject step = h.getAsJsonArray("history").get(1).getAsJsonObject();
        assertEquals("HANDED_OVER", step.get("kind").getAsString());
        assertEquals("hs.clerk", step.get("actor").getAsString());
        assertEquals(403, fx.post(fx.clerk, path + "/close", "{\"answer\": \"已答复\"}").status(),
                "handed over: no longer the clerk's");

        assertEquals("answer", error(fx.post(fx.hrssClerk, path + "/close", "{}")).get("field").getAsString());
        ApiResponse noCase = fx.post(fx.hrssClerk, path + "/close", "{\"answer\": \"已受理\", \"caseNumber\": \"340522-20261125-9999\"}");
        assertEquals(404, noCase.status());
        assertEquals("caseNumber", error(noCase).get("field").getAsString());
        String number = fx.receiveMarketCase();
        ApiResponse closed = fx.post(fx.hrssClerk, path + "/close", "{\"answer\": \"已当场收件\", \"caseNumber\": \"" + number + "\"}");
        assertEquals(200, closed.status(), closed.text());
        assertEquals("CLOSED", json(closed).get("state").getAsString());
        assertEquals(number, json(closed).get("caseNumber").getAsString());
        ApiResponse again = fx.post(fx.hrssClerk, path + "/close", "{\"answer\": \"再次办结\"}");
        assertEquals(409, again.status());
        assertEquals("STATE", error(again).get("code").getAsString());
    }

    @Test
    void supervisorsReadInquiriesMaskedAndOthersNot() {
        String id = open().get("id").getAsString();
        ApiResponse list = fx.get(fx.supervisor, INQUIRIES);
        assertEquals(200, list.status(), list.text());
        JsonArray all = json(list).getAsJsonArray("inquiries");
        assertFalse(all.isEmpty());
        JsonObject first = all.get(0).getAsJsonObject();
        assertEquals("赵**", first.get("inquirer").getAsString());
        assertEquals("138****1111", first.get("phone").getAsString());
        assertFalse(list.text().contains("赵小满") || list.text().contains("13800001111"), list.text());

        ApiResponse one = fx.get(fx.supervisor, INQUIRIES + "/" + id);
        assertEquals(200, one.status());
        assertEquals("赵**", json(one).get("inquirer").getAsString());
        assertEquals("赵小满", json(fx.get(fx.hrssClerk, INQUIRIES + "/" + id)).get("inquirer").getAsString(),
                "a clerk of any department reads it: inquiries belong to the hall");

        assertEquals(403, fx.get(fx.byRole.get(org.onestop.api.access.Role.DIRECTOR), INQUIRIES).status());
        assertEquals(403, fx.get(fx.admin, INQUIRIES + "/" + id).status());
        assertEquals(403, fx.post(fx.supervisor, INQUIRIES, "{\"subject\": \"x\", \"inquirer\": \"y\"}").status(),
                "supervisors read, clerks record");
        assertEquals(401, fx.get(INQUIRIES).status());
        ApiResponse unknown = fx.get(fx.clerk, INQUIRIES + "/SW-340522-20261125-9999");
        assertEquals(404, unknown.status());
        assertEquals("inquiryId", error(unknown).get("field").getAsString());
        ApiResponse unknownHandOver = fx.post(fx.clerk, INQUIRIES + "/SW-340522-20261125-9999/hand-over", "{\"to\": \"x\"}");
        assertEquals(404, unknownHandOver.status());
        assertEquals("inquiryId", error(unknownHandOver).get("field").getAsString());
    }

    @Test
    void theListFiltersByStateAndOwner() {
        String mine = open().get("id").getAsString();
        List<String> open = ids(fx.get(fx.clerk, INQUIRIES + "?state=OPEN&owner=hs.clerk&limit=500"));
        assertTrue(open.contains(mine), open.toString());
        assertFalse(ids(fx.get(fx.clerk, INQUIRIES + "?owner=hs.nobody")).contains(mine));
        assertFalse(ids(fx.get(fx.clerk, INQUIRIES + "?state=CLOSED")).contains(mine));
        assertEquals(1, ids(fx.get(fx.clerk, INQUIRIES + "?limit=1")).size());
        assertEquals("state", error(fx.get(fx.clerk, INQUIRIES + "?state=FOO")).get("field").getAsString());
        assertEquals("limit", error(fx.get(fx.clerk, INQUIRIES + "?limit=0")).get("field").getAsString());
        ApiResponse badPhone = fx.post(fx.clerk, INQUIRIES, "{\"subject\": \"x\", \"inquirer\": \"y\", \"phone\": \"abc\"}");
        assertEquals(400, badPhone.status());
        assertEquals("phone", error(badPhone).get("field").getAsString());
        assertEquals("subject", error(fx.post(fx.clerk, INQUIRIES, "{\"inquirer\": \"y\"}")).get("field").getAsString());
    }

    private static List<String> ids(ApiResponse r) {
        assertEquals(200, r.status(), r.text());
        return json(r).getAsJsonArray("inquiries").asList().stream().map(q -> q.getAsJsonObject().get("id").getAsString())
                .toList();
    }
}
