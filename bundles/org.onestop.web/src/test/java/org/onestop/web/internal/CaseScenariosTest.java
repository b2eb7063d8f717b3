package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.casePath;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onestop.api.access.Role;
import org.onestop.web.internal.Fixture.Who;

/**
 * Issue 5, end to end: every act of case handling from intake to delivery, on the working-day clock, as the
 * windows of the demo center (含山县政务服务中心) do them through the API, with real sign-in, the real core and a
 * real Derby, on the real demo catalog and the State Council's 2026 calendar (中秋 9-25..9-27 and 国庆
 * 10-01..10-07 off, Saturday 10-10 a make-up working day).
 *
 * <p>Each scenario sets "today" for everyone (the fixture's clock, 10:00 in China) to the business days it
 * walks through, and signs its people in afresh each day (sessions do not outlive a night). The scenarios
 * use cases of their own on days of their own, so their order does not matter.
 */
class CaseScenariosTest extends FixtureTest {

    private static final String CENTER = "/centers/hanshan";
    private static final String FOOD = "HS-SCJG-003";
    private static final String FORM = "食品经营许可申请书";
    private static final String LICENCE = "营业执照或者其他主体资格证明文件";
    private static final String LAYOUT = "与食品经营相适应的主要设备设施、经营布局、操作流程等文件";
    private static final String RULES = "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度";
    private static final String DENIAL_BASIS = "《食品经营许可和备案管理办法》第二十条";

    /** Today's sessions, by account: signed in again whenever the day changes. */
    private final Map<String, Who> sessions = new HashMap<>();

    // --- 1. one-time notice, supplement, acceptance before the National Day holiday ----------------------

    @Test
    void anIncompleteApplicationIsNoticedOnceSupplementedAndAcceptedOnTheHolidayClock() {
        today(2026, 9, 28);
        Who clerk = clerk();
        JsonObject received = fx.receive(clerk, Fixture.receiveBody(FOOD, "A03", """
                [{"name": "%s", "form": "ORIGINAL", "copies": 1}, {"name": "%s", "form": "COPY", "copies": 1}]"""
                .formatted(FORM, LICENCE)));
        String number = received.get("number").getAsString();
        String queryCode = received.get("queryCode").getAsString();
        assertEquals("340522-20260928-", number.substring(0, 16), "numbered by region and day of receipt");
        assertEquals("RECEIVED", received.get("state").getAsString());
        assertFalse(received.getAsJsonObject("clock").get("running").getAsBoolean(), "no clock before acceptance");

        JsonObject check = json(ok(fx.get(clerk, casePath(number) + "/material-check")));
        assertFalse(check.get("complete").getAsBoolean());
        assertEquals(List.of(LAYOUT, RULES), names(check.getAsJsonArray("problems"), "material"));
        assertEquals(List.of("MISSING", "MISSING"), names(check.getAsJsonArray("problems"), "kind"));
        refused(fx.act(clerk, number, "accept", "{}"), 400, "INVALID", "materials");

        // The clerk adds what only a person sees: the licence copy is illegible. One notice lists all three.
        JsonObject noticed = fx.acted(clerk, number, "notice", """
                {"problems": [{"material": "%s", "kind": "NOT_COMPLIANT", "detail": "复印件字迹不清，请加盖公章"}],
                 "window": "A03"}""".formatted(LICENCE));
        assertEquals("SUPPLEMENTING", noticed.get("state").getAsString());
        assertEquals(1, noticed.getAsJsonObject("progress").get("notices").getAsInt());
        assertEquals(List.of(FORM), strings(noticed.getAsJsonObject("progress").getAsJsonArray("settled")));
        JsonObject noticeEvent = last(noticed.getAsJsonArray("timeline"));
        assertEquals("ONE_TIME_NOTICE", noticeEvent.get("act").getAsString());
        assertEquals("3", noticeEvent.getAsJsonObject("data").get("problems").getAsString());
        String noticeNumber = noticeEvent.getAsJsonObject("data").get("document").getAsString();
        JsonObject notice = json(ok(fx.get(clerk, casePath(number) + "/documents/" + noticeNumber)));
        assertEquals("ONE_TIME_NOTICE", notice.get("kind").getAsString());
        assertEquals("补正材料一次性告知书", notice.get("title").getAsString());
        List<String> items = strings(notice.getAsJsonArray("body")).stream().filter(p -> p.matches("^\\d+．.*")).toList();
        assertEquals(3, items.size(), "every problem, numbered, once: " + notice.getAsJsonArray("body"));
        for (String material : List.of(LAYOUT, RULES, LICENCE)) {
            assertTrue(items.stream().anyMatch(p -> p.contains(material)), material + " in " + items);
        }
        assertTrue(items.stream().anyMatch(p -> p.contains("复印件字迹不清")), "the clerk's detail: " + items);
        assertFalse(items.stream().anyMatch(p -> p.contains(FORM)), "the form was in order");

        // The next day the applicant brings two of the three.
        today(2026, 9, 29);
        clerk = clerk();
        JsonObject partly = fx.acted(clerk, number, "supplement", """
                {"materials": [{"name": "%s", "form": "COPY", "copies": 1}, {"name": "%s", "form": "ORIGINAL", "copies": 1}],
                 "window": "A03"}""".formatted(LICENCE, LAYOUT));
        assertEquals("RECEIVED", partly.get("state").getAsString());
        assertEquals(2, partly.getAsJsonObject("progress").get("visits").getAsInt());
        assertEquals(List.of(RULES), names(json(ok(fx.get(clerk, casePath(number) + "/material-check")))
                .getAsJsonArray("problems"), "material"));

        // 一次性告知制: the form, present and unflagged at the first notice, may not be raised now.
        int revision = partly.get("revision").getAsInt();
        ApiResponse breach = fx.act(clerk, number, "notice", """
                {"problems": [{"material": "%s", "kind": "NOT_COMPLIANT", "detail": "法定代表人签字不全"}]}"""
                .formatted(FORM));
        refused(breach, 400, "INVALID", "problems");
        assertTrue(error(breach).get("message").getAsString().contains(FORM), breach.text());
        JsonObject after = fx.caseOf(clerk, number);
        assertEquals("RECEIVED", after.get("state").getAsString(), "no notice was issued");
        assertEquals(revision + 1, after.get("revision").getAsInt(), "only the breach was written");
        JsonObject breachEvent = last(after.getAsJsonArray("timeline"));
        assertEquals("BREACH", breachEvent.get("act").getAsString());
        assertEquals("ONE_TIME_NOTICE", breachEvent.getAsJsonObject("data").get("rule").getAsString());
        assertEquals(FORM, breachEvent.getAsJsonObject("data").get("materials").getAsString());
        assertEquals("2026-09-29", breachEvent.get("on").getAsString());
        assertEquals(1, after.getAsJsonObject("progress").get("notices").getAsInt());
        assertEquals(List.of(noticeNumber), names(after.getAsJsonArray("documents"), "number"), "no second notice");
        JsonObject recorded = after.getAsJsonObject("progress").getAsJsonArray("breaches").get(0).getAsJsonObject();
        assertEquals("ONE_TIME_NOTICE", recorded.get("rule").getAsString());
        assertEquals("王窗口（hs.clerk）", recorded.get("actor").getAsString(), "on the record of the clerk who tried");

        // On the last working day before the holiday the last material comes, and the case is accepted.
        today(2026, 9, 30);
        clerk = clerk();
        fx.acted(clerk, number, "supplement", """
                {"materials": [{"name": "%s", "form": "ORIGINAL", "copies": 1}], "window": "A03"}""".formatted(RULES));
        assertTrue(json(ok(fx.get(clerk, casePath(number) + "/material-check"))).get("complete").getAsBoolean());
        JsonObject accepted = fx.acted(clerk, number, "accept", "{\"window\": \"A03\"}");
        assertEquals("ACCEPTED", accepted.get("state").getAsString());
        assertEquals("2026-09-30", accepted.get("acceptedOn").getAsString());
        assertEquals("2026-10-13", accepted.get("deadline").getAsString(),
                "5 working days: 10-08, 10-09, Saturday 10-10, 10-12, 10-13; the holiday week counts nothing");
        assertEquals(accepted.get("deadline").getAsString(),
                json(ok(fx.get("/calendar/deadline?from=2026-09-30&days=5&center=hanshan"))).get("deadline").getAsString());
        JsonObject acceptEvent = last(accepted.getAsJsonArray("timeline"));
        assertEquals("ACCEPT", acceptEvent.get("act").getAsString());
        assertEquals("2026-10-13", acceptEvent.getAsJsonObject("data").get("deadline").getAsString());
        assertEquals("5", acceptEvent.getAsJsonObject("data").get("limitDays").getAsString());
        assertFalse(accepted.getAsJsonObject("progress").get("completeAtIntake").getAsBoolean());
        JsonObject acceptance = json(ok(fx.get(clerk, casePath(number) + "/documents/"
                + acceptEvent.getAsJsonObject("data").get("document").getAsString())));
        assertEquals("受理通知书", acceptance.get("title").getAsString());
        assertTrue(String.join("", strings(acceptance.getAsJsonArray("body"))).contains("2026年10月13日前办结"),
                acceptance.toString());
        JsonObject clock = accepted.getAsJsonObject("clock");
        assertEquals(0, clock.get("usedDays").getAsInt());
        assertEquals(5, clock.get("leftDays").getAsInt());
        assertEquals("GREEN", clock.get("light").getAsString());
        assertTrue(clock.get("running").getAsBoolean());

        // The light as the applicant reads it, day by day.
        expectClock(number, queryCode, LocalDate.of(2026, 10, 7), 0, 5, "GREEN");
        expectClock(number, queryCode, LocalDate.of(2026, 10, 10), 3, 2, "GREEN");
        expectClock(number, queryCode, LocalDate.of(2026, 10, 11), 3, 2, "GREEN");
        expectClock(number, queryCode, LocalDate.of(2026, 10, 12), 4, 1, "YELLOW");
        expectClock(number, queryCode, LocalDate.of(2026, 10, 13), 5, 0, "YELLOW");
        JsonObject overdue = expectClock(number, queryCode, LocalDate.of(2026, 10, 14), 6, -1, "RED");
        assertEquals("红灯", overdue.getAsJsonObject("clock").get("lightLabel").getAsString(), "labelled for the screen");
        JsonObject staffView = fx.caseOf(clerk(), number).getAsJsonObject("clock");
        assertEquals("RED", staffView.get("light").getAsString(), "staff and public read the same clock");
        assertEquals("2026-10-14", staffView.get("asOf").getAsString());
    }

    // --- 2. a special procedure over a weekend ----------------------------------------------------------

    @Test
    void aSiteSurveyFromFridayToMondayStopsTheClockForOneWorkingDay() {
        today(2026, 11, 18);
        String number = fx.receiveComplete(clerk(), FOOD, "A03").get("number").getAsString();
        JsonObject accepted = fx.acted(clerk(), number, "accept", "{\"window\": \"A03\"}");
        assertEquals("2026-11-25", accepted.get("deadline").getAsString());
        assertEquals("2026-11-23", step(accepted, 2).get("due").getAsString(), "审查: 3 working days");

        today(2026, 11, 20);
        Who reviewer = reviewer();
        refused(fx.act(reviewer, number, "pause", "{\"procedure\": \"HEARING\", \"reason\": \"利害关系人申请听证\"}"),
                400, "INVALID", "procedure");
        ApiResponse notThisItem = fx.act(reviewer, number, "pause",
                "{\"procedure\": \"EXPERT_REVIEW\", \"reason\": \"专家论证\"}");
        refused(notThisItem, 400, "INVALID", "procedure");
        assertTrue(error(notThisItem).get("message").getAsString().contains("现场踏勘"), "names what the item allows");
        JsonObject paused = fx.acted(reviewer, number, "pause",
                "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"核查经营场所布局\"}");
        assertEquals("PAUSED", paused.get("state").getAsString());
        assertEquals("特别程序中", paused.get("stateLabel").getAsString());
        assertFalse(paused.getAsJsonObject("clock").get("running").getAsBoolean());
        assertEquals(0, paused.getAsJsonObject("clock").get("pausedDays").getAsInt(), "Friday itself still counts");
        JsonObject pauseEvent = last(paused.getAsJsonArray("timeline"));
        assertEquals("PAUSE", pauseEvent.get("act").getAsString());
        assertEquals("SITE_SURVEY", pauseEvent.getAsJsonObject("data").get("procedure").getAsString());
        JsonObject procedureNotice = json(ok(fx.get(reviewer, casePath(number) + "/documents/"
                + pauseEvent.getAsJsonObject("data").get("document").getAsString())));
        assertEquals("SPECIAL_PROCEDURE", procedureNotice.get("kind").getAsString());
        assertEquals("特别程序告知书", procedureNotice.get("title").getAsString());

        // While paused, nothing that needs an accepted case moves: 409 naming the states.
        JsonObject whilePaused = refused(fx.act(reviewer, number, "steps/complete", "{}"), 409, "STATE", null);
        assertTrue(whilePaused.get("message").getAsString().contains("“特别程序中”"), whilePaused.toString());
        assertTrue(whilePaused.get("message").getAsString().contains("“已受理”"), whilePaused.toString());
        JsonObject decision = refused(fx.act(reviewer, number, "decision", "{\"decision\": \"APPROVED\"}"), 409, "STATE",
                null);
        assertTrue(decision.get("message").getAsString().contains("“已受理”或“已上报”"), decision.toString());
        refused(fx.act(reviewer, number, "pause", "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"再次踏勘\"}"), 409,
                "STATE", null);

        // Monday morning, before the survey team reports: Saturday and Sunday were never working days.
        today(2026, 11, 23);
        reviewer = reviewer();
        JsonObject monday = fx.caseOf(reviewer, number);
        assertEquals("PAUSED", monday.get("state").getAsString());
        assertFalse(monday.getAsJsonObject("clock").get("running").getAsBoolean());
        assertEquals(1, monday.getAsJsonObject("clock").get("pausedDays").getAsInt());
        assertEquals(2, monday.getAsJsonObject("clock").get("usedDays").getAsInt(), "Thursday and Friday");

        JsonObject resumed = fx.acted(reviewer, number, "resume", "{\"note\": \"踏勘完毕，场所符合要求\"}");
        int between = json(ok(fx.get("/calendar/between?from=2026-11-20&to=2026-11-23&center=hanshan")))
                .get("workingDays").getAsInt();
        assertEquals(1, between, "Friday to Monday is one working day, not three");
        assertEquals("ACCEPTED", resumed.get("state").getAsString());
        assertEquals("2026-11-26", resumed.get("deadline").getAsString());
        assertEquals(resumed.get("deadline").getAsString(), json(ok(fx.get("/calendar/deadline?from=2026-11-25&days="
                + between + "&center=hanshan"))).get("deadline").getAsString(), "moved by exactly the days in between");
        JsonObject clock = resumed.getAsJsonObject("clock");
        assertTrue(clock.get("running").getAsBoolean());
        assertEquals(1, clock.get("pausedDays").getAsInt());
        assertEquals(2, clock.get("usedDays").getAsInt());
        assertEquals(3, clock.get("leftDays").getAsInt());
        JsonObject pause = resumed.getAsJsonObject("progress").getAsJsonArray("pauses").get(0).getAsJsonObject();
        assertEquals("2026-11-20", pause.get("from").getAsString());
        assertEquals("2026-11-23", pause.get("to").getAsString());
        assertEquals(1, pause.get("workingDays").getAsInt());
        assertFalse(pause.get("running").getAsBoolean());
        JsonObject resumeEvent = last(resumed.getAsJsonArray("timeline"));
        assertEquals("RESUME", resumeEvent.get("act").getAsString());
        assertEquals("1", resumeEvent.getAsJsonObject("data").get("pausedDays").getAsString());
        assertEquals("2026-11-26", resumeEvent.getAsJsonObject("data").get("deadline").getAsString());
        assertEquals("2026-11-24", step(resumed, 2).get("due").getAsString(), "the open step's due day moves too");
        assertEquals(200, fx.act(reviewer, number, "steps/complete", "{}").status(), "and work goes on");

        // The same procedure is open to an item whose guide lists it: the planning permit (专家评审, 公示).
        Who planningClerk = staff(Role.CLERK, "resources");
        String planning = fx.receiveComplete(planningClerk, "HS-ZRZY-002", "B03").get("number").getAsString();
        fx.acted(planningClerk, planning, "accept", "{}");
        JsonObject review = fx.acted(staff(Role.REVIEWER, "resources"), planning, "pause",
                "{\"procedure\": \"EXPERT_REVIEW\", \"reason\": \"设计方案专家论证\"}");
        assertEquals("PAUSED", review.get("state").getAsString());
        assertEquals("专家评审", review.getAsJsonObject("progress").getAsJsonArray("pauses").get(0).getAsJsonObject()
                .get("procedureLabel").getAsString());
    }

    // --- 3. extension ---------------------------------------------------------------------------------

    @Test
    void anExtensionRequestedByOneReviewerIsApprovedByAnotherAndMovesTheDeadline() {
        today(2026, 9, 24);
        String number = fx.receiveComplete(clerk(), FOOD, "A03").get("number").getAsString();
        JsonObject accepted = fx.acted(clerk(), number, "accept", "{}");
        assertEquals("2026-10-09", accepted.get("deadline").getAsString(),
                "5 working days around 中秋 (9-25..9-27) and 国庆 (10-01..10-07)");

        today(2026, 9, 29);
        Who reviewer = reviewer();
        ApiResponse tooLong = fx.act(reviewer, number, "extensions", "{\"days\": 16, \"reason\": \"需补充核查\"}");
        JsonObject ceiling = refused(tooLong, 400, "INVALID", "days");
        assertTrue(ceiling.get("message").getAsString().contains("20"), "legal 10 + 10 for a licence: " + tooLong.text());
        JsonObject requested = fx.acted(reviewer, number, "extensions",
                "{\"days\": 5, \"reason\": \"经营场所需补充核查\"}");
        JsonObject extension = requested.getAsJsonObject("progress").getAsJsonArray("extensions").get(0).getAsJsonObject();
        assertEquals("REQUESTED", extension.get("status").getAsString());
        assertEquals(5, extension.get("days").getAsInt());
        assertEquals("李审核（hs.reviewer）", extension.get("requestedBy").getAsString());
        assertEquals("2026-10-09", requested.get("deadline").getAsString(), "a request alone moves nothing");
        assertEquals(0, requested.getAsJsonObject("clock").get("extensionDays").getAsInt());
        assertEquals("REQUEST_EXTENSION", last(requested.getAsJsonArray("timeline")).get("act").getAsString());

        today(2026, 9, 30);
        refused(fx.act(reviewer(), number, "extensions/decision", "{\"approved\": true}"), 403, "FORBIDDEN", null);
        refused(fx.act(clerk(), number, "extensions/decision", "{\"approved\": true}"), 403, "FORBIDDEN", null);
        Who head = staff(Role.REVIEWER, "market");
        JsonObject approved = fx.acted(head, number, "extensions/decision",
                "{\"approved\": true, \"note\": \"同意延长5个工作日\"}");
        assertEquals("2026-10-15", approved.get("deadline").getAsString());
        assertEquals(approved.get("deadline").getAsString(),
                json(ok(fx.get("/calendar/deadline?from=2026-10-09&days=5&center=hanshan"))).get("deadline").getAsString(),
                "moved by exactly 5 working days: 10-10 (Saturday, worked), 10-12, 10-13, 10-14, 10-15");
        assertEquals(5, approved.getAsJsonObject("clock").get("extensionDays").getAsInt());
        JsonObject decided = approved.getAsJsonObject("progress").getAsJsonArray("extensions").get(0).getAsJsonObject();
        assertEquals("APPROVED", decided.get("status").getAsString());
        assertEquals("market审核审批人员（hs.reviewer.market）", decided.get("decidedBy").getAsString());
        assertEquals("2026-09-30", decided.get("decidedOn").getAsString());
        JsonObject event = last(approved.getAsJsonArray("timeline"));
        assertEquals("APPROVE_EXTENSION", event.get("act").getAsString());
        assertEquals("5", event.getAsJsonObject("data").get("days").getAsString());
        assertEquals("2026-10-15", event.getAsJsonObject("data").get("deadline").getAsString());
        JsonObject document = json(ok(fx.get(head, casePath(number) + "/documents/"
                + event.getAsJsonObject("data").get("document").getAsString())));
        assertEquals("EXTENSION", document.get("kind").getAsString());
        assertEquals("延长审批期限通知书", document.get("title").getAsString());
        String body = String.join("", strings(document.getAsJsonArray("body")));
        assertTrue(body.contains("延长5个工作日") && body.contains("2026年10月15日"), body);

        // What was granted counts against the ceiling: 5 + 5 + 11 would pass 20.
        refused(fx.act(reviewer(), number, "extensions", "{\"days\": 11, \"reason\": \"再延\"}"), 400, "INVALID", "days");
    }

    /**
     * An extension asked during a site survey is approved only once the survey ended: until then the deadline
     * is not known, and the notice must not state a date the survey will move.
     */
    @Test
    void anExtensionAskedDuringASiteSurveyIsApprovedOnceTheSurveyEndedWithTheDeadlineThatHolds() {
        today(2026, 10, 8);
        String number = fx.receiveComplete(clerk(), FOOD, "A03").get("number").getAsString();
        assertEquals("2026-10-14", fx.acted(clerk(), number, "accept", "{}").get("deadline").getAsString());
        fx.acted(reviewer(), number, "pause", "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"核查经营场所\"}");

        today(2026, 10, 12);
        fx.acted(reviewer(), number, "extensions", "{\"days\": 2, \"reason\": \"踏勘发现问题需补充核查\"}");
        ApiResponse tooEarly = fx.act(staff(Role.REVIEWER, "market"), number, "extensions/decision", "{\"approved\": true}");
        assertEquals(409, tooEarly.status(), tooEarly.text());
        assertTrue(tooEarly.text().contains("特别程序中") && tooEarly.text().contains("已受理"), tooEarly.text());

        JsonObject resumed = fx.acted(reviewer(), number, "resume", "{}");
        assertEquals(3, resumed.getAsJsonObject("clock").get("pausedDays").getAsInt(),
                "10-09, Saturday 10-10 and 10-12 are out of the limit");
        JsonObject approved = fx.acted(staff(Role.REVIEWER, "market"), number, "extensions/decision",
                "{\"approved\": true}");
        JsonObject clock = approved.getAsJsonObject("clock");
        assertEquals(2, clock.get("extensionDays").getAsInt());
        assertEquals(json(ok(fx.get("/calendar/deadline?from=2026-10-08&days=10&center=hanshan"))).get("deadline")
                .getAsString(), clock.get("deadline").getAsString(), "5 + 3 paused + 2 extended working days from 10-08");
        assertEquals("2026-10-21", clock.get("deadline").getAsString());
        assertEquals(clock.get("deadline").getAsString(), approved.get("deadline").getAsString(),
                "the case's deadline and its clock's, in one answer");
        String notice = String.join("", strings(json(ok(fx.get(clerk(), casePath(number) + "/documents/"
                + last(approved.getAsJsonArray("timeline")).getAsJsonObject("data").get("document").getAsString())))
                .getAsJsonArray("body")));
        assertTrue(notice.contains("2026年10月21日"), "the notice in writing: " + notice);
    }

    /**
     * The applicant prints the extension notice with the query code: like every public page it names the staff
     * without their accounts (the accounts are sign-in names, not the public's to know).
     */
    @Test
    void theApplicantsPrintOfAnExtensionNoticeNamesTheApproverWithoutTheAccount() {
        today(2026, 12, 18);
        JsonObject received = fx.receiveComplete(clerk(), FOOD, "A03");
        String number = received.get("number").getAsString();
        fx.acted(clerk(), number, "accept", "{}");
        today(2026, 12, 21);
        fx.acted(reviewer(), number, "extensions", "{\"days\": 3, \"reason\": \"需补充核查\"}");
        JsonObject approved = fx.acted(staff(Role.REVIEWER, "market"), number, "extensions/decision",
                "{\"approved\": true}");
        String document = last(approved.getAsJsonArray("timeline")).getAsJsonObject("data").get("document").getAsString();
        ApiResponse page = fx.get("/public" + casePath(number) + "/documents/" + document + "/print?queryCode="
                + received.get("queryCode").getAsString());
        assertEquals(200, page.status(), page.text());
        assertTrue(page.text().contains("延长审批期限通知书") && page.text().contains("market审核审批人员"), page.text());
        assertFalse(page.text().contains("hs.reviewer"), "an account in the applicant's page: " + page.text());
    }

    // --- 4. joint cases -------------------------------------------------------------------------------

    @Test
    void aJointCaseTakesTheSilentDepartmentToConsentByTimeoutAndTheAbsentOneByAbsence() {
        today(2026, 11, 2);
        Who housingClerk = staff(Role.CLERK, "housing");
        String number = fx.receiveComplete(housingClerk, "HS-ZJ-001", "B01").get("number").getAsString();
        JsonObject accepted = fx.acted(housingClerk, number, "accept", "{\"window\": \"B01\"}");
        assertEquals("2026-11-05", accepted.get("deadline").getAsString(), "3 working days promised");
        JsonArray parts = accepted.getAsJsonObject("progress").getAsJsonArray("subCases");
        assertEquals(List.of("resources", "hrss"), names(parts, "departmentId"));
        assertEquals(List.of(number + "-J1", number + "-J2"), names(parts, "number"));
        for (JsonElement p : parts) {
            JsonObject part = p.getAsJsonObject();
            assertEquals("PENDING", part.get("state").getAsString());
            assertEquals("2026-11-04", part.get("deadline").getAsString(), "2 working days each");
            assertEquals(2, part.getAsJsonObject("clock").get("limitDays").getAsInt());
            assertEquals(2, part.getAsJsonObject("clock").get("leftDays").getAsInt());
            assertTrue(part.getAsJsonObject("clock").get("running").getAsBoolean());
        }

        // Each part's department finds the joint case in its own list; a department with no part does not.
        assertTrue(names(json(ok(fx.get(staff(Role.REVIEWER, "hrss"), "/centers/hanshan/cases"))).getAsJsonArray("cases"),
                "number").contains(number), "hrss lists the joint case it must answer");
        assertFalse(names(json(ok(fx.get(staff(Role.REVIEWER, "health"), "/centers/hanshan/cases"))).getAsJsonArray("cases"),
                "number").contains(number), "health has no part in it");

        today(2026, 11, 3);
        JsonObject answered = fx.acted(staff(Role.REVIEWER, "resources"), number, "joint/answers",
                "{\"departmentId\": \"resources\", \"consent\": true, \"opinion\": \"用地手续齐全\"}");
        JsonObject resources = part(answered, "resources");
        assertEquals("CONSENTED", resources.get("state").getAsString());
        assertEquals("ANSWERED", resources.get("rule").getAsString());
        assertFalse(resources.getAsJsonObject("clock").get("running").getAsBoolean(), "its own clock stopped");
        assertEquals(1, resources.getAsJsonObject("clock").get("usedDays").getAsInt());
        JsonObject hrssPending = part(answered, "hrss");
        assertTrue(hrssPending.getAsJsonObject("clock").get("running").getAsBoolean(), "the other's still runs");
        assertEquals(1, hrssPending.getAsJsonObject("clock").get("leftDays").getAsInt());

        // hrss never answers. On its deadline day it is not yet overdue.
        today(2026, 11, 4);
        JsonObject onTheDay = json(ok(fx.post(supervisor(), CENTER + "/joint-timeouts", "{}")));
        assertFalse(strings(onTheDay.getAsJsonArray("cases")).contains(number), onTheDay.toString());
        assertEquals("PENDING", part(fx.caseOf(housingClerk(), number), "hrss").get("state").getAsString());

        today(2026, 11, 5);
        JsonObject overdue = part(fx.caseOf(housingClerk(), number), "hrss");
        assertEquals("RED", overdue.getAsJsonObject("clock").get("light").getAsString());
        assertEquals(-1, overdue.getAsJsonObject("clock").get("leftDays").getAsInt());
        refused(fx.post(housingClerk(), CENTER + "/joint-timeouts", "{}"), 403, "FORBIDDEN", null);
        JsonObject applied = json(ok(fx.post(supervisor(), CENTER + "/joint-timeouts", "{}")));
        assertEquals("2026-11-05", applied.get("asOf").getAsString());
        assertEquals(List.of(number), strings(applied.getAsJsonArray("cases")));
        JsonObject timedOut = fx.caseOf(housingClerk(), number);
        JsonObject hrss = part(timedOut, "hrss");
        assertEquals("CONSENTED", hrss.get("state").getAsString());
        assertEquals("TIMEOUT_DEFAULT", hrss.get("rule").getAsString());
        assertEquals("超时默认", hrss.get("ruleLabel").getAsString());
        assertEquals("system", hrss.get("answeredBy").getAsString());
        assertEquals("2026-11-05", hrss.get("answeredOn").getAsString());
        assertEquals("ANSWERED", part(timedOut, "resources").get("rule").getAsString(), "an answer stays an answer");
        assertEquals("resources审核审批人员（hs.reviewer.resources）", part(timedOut, "resources").get("answeredBy")
                .getAsString());
        JsonObject timeout = last(timedOut.getAsJsonArray("timeline"));
        assertEquals("JOINT_TIMEOUT", timeout.get("act").getAsString());
        assertEquals("system", timeout.get("actor").getAsString(), "the platform's act, not the supervisor's");
        assertEquals("hrss", timeout.getAsJsonObject("data").get("departments").getAsString());
        assertEquals("TIMEOUT_DEFAULT", timeout.getAsJsonObject("data").get("rule").getAsString());
        JsonObject late = refused(fx.act(staff(Role.REVIEWER, "hrss"), number, "joint/answers",
                "{\"departmentId\": \"hrss\", \"consent\": false, \"opinion\": \"未缴纳农民工工资保证金\"}"), 409, "STATE", null);
        assertTrue(late.get("message").getAsString().contains("超时默认"), late.toString());
        assertTrue(strings(json(ok(fx.post(supervisor(), CENTER + "/joint-timeouts", "{}"))).getAsJsonArray("cases"))
                .isEmpty(), "applied once");

        // A second joint case goes to the joint review meeting; hrss stays away.
        String second = fx.receiveComplete(housingClerk(), "HS-ZJ-001", "B01").get("number").getAsString();
        fx.acted(housingClerk(), second, "accept", "{\"window\": \"B01\"}");
        today(2026, 11, 6);
        Who housing = staff(Role.REVIEWER, "housing");
        JsonObject met = fx.acted(housing, second, "joint/meetings",
                "{\"attended\": [{\"departmentId\": \"resources\", \"consent\": true, \"opinion\": \"同意\"}]}");
        JsonObject meeting = met.getAsJsonObject("progress").getAsJsonArray("meetings").get(0).getAsJsonObject();
        assertEquals(List.of("resources"), strings(meeting.getAsJsonArray("attended")));
        assertEquals(List.of("hrss"), strings(meeting.getAsJsonArray("absent")));
        JsonObject absent = part(met, "hrss");
        assertEquals("CONSENTED", absent.get("state").getAsString());
        assertEquals("ABSENCE_DEFAULT", absent.get("rule").getAsString());
        assertEquals("缺席默认", absent.get("ruleLabel").getAsString());
        assertEquals("system", absent.get("answeredBy").getAsString());
        assertEquals("ANSWERED", part(met, "resources").get("rule").getAsString());
        JsonObject meetingEvent = last(met.getAsJsonArray("timeline"));
        assertEquals("JOINT_MEETING", meetingEvent.get("act").getAsString());
        assertEquals("hrss", meetingEvent.getAsJsonObject("data").get("defaulted").getAsString());
        assertEquals("ABSENCE_DEFAULT", meetingEvent.getAsJsonObject("data").get("rule").getAsString());

        refused(fx.act(housing, second, "decision", "{\"decision\": \"APPROVED\"}"), 409, "STATE", null);
        fx.acted(housing, second, "steps/complete", "{\"opinion\": \"并联审查通过\"}");
        fx.acted(housing, second, "steps/complete", "{}");
        JsonObject approved = fx.acted(housing, second, "decision",
                "{\"decision\": \"APPROVED\", \"result\": \"施工许可证编号 340522202611060101\"}");
        assertEquals("DECIDED", approved.get("state").getAsString());
        JsonObject delivered = fx.acted(housingClerk(), second, "delivery", "{\"method\": \"WINDOW\", \"window\": \"B01\"}");
        assertEquals("DELIVERED", delivered.get("state").getAsString());
        JsonObject concluded = fx.acted(housingClerk(), second, "conclude", "{}");
        assertEquals("CONCLUDED", concluded.get("state").getAsString());
        assertEquals("2026-11-06", concluded.get("concludedOn").getAsString());
        JsonObject clock = concluded.getAsJsonObject("clock");
        assertFalse(clock.get("running").getAsBoolean());
        assertEquals(1, clock.get("usedDays").getAsInt());
        assertEquals("GREEN", clock.get("light").getAsString());
        assertEquals(List.of("APPROVE", "DELIVER"), names(concluded.getAsJsonArray("documents"), "act").subList(1, 3));
    }

    // --- 5. immediate item ------------------------------------------------------------------------------

    @Test
    void anImmediateItemIsConcludedOnTheSpotEvenOnAMakeUpSaturday() {
        today(2026, 10, 10);
        Who hrssClerk = signedIn("hs.clerk.hrss");
        JsonObject received = fx.receiveComplete(hrssClerk, "HS-RS-001", "C03");
        String number = received.get("number").getAsString();
        JsonObject done = fx.acted(hrssClerk, number, "on-the-spot",
                "{\"decision\": \"APPROVED\", \"result\": \"社会保障卡已即时制发\", \"window\": \"C03\"}");
        assertEquals("CONCLUDED", done.get("state").getAsString());
        for (String day : List.of("receivedOn", "acceptedOn", "deadline", "concludedOn")) {
            assertEquals("2026-10-10", done.get(day).getAsString(), day);
        }
        JsonObject clock = done.getAsJsonObject("clock");
        assertEquals(0, clock.get("limitDays").getAsInt());
        assertEquals(0, clock.get("usedDays").getAsInt());
        assertEquals("GREEN", clock.get("light").getAsString());
        assertFalse(clock.get("running").getAsBoolean());
        assertEquals(List.of("RECEIVE", "ACCEPT", "APPROVE", "DELIVER", "CONCLUDE"),
                names(done.getAsJsonArray("timeline"), "act"));
        assertEquals("WINDOW", done.getAsJsonObject("progress").getAsJsonObject("delivery").get("method").getAsString());
        assertEquals(1, done.getAsJsonObject("progress").get("visits").getAsInt(), "done in the one visit");
        assertEquals(0, done.getAsJsonObject("progress").getAsJsonArray("breaches").size());
        JsonArray documents = json(ok(fx.get(hrssClerk, casePath(number) + "/documents"))).getAsJsonArray("documents");
        assertEquals(List.of("APPROVAL", "DELIVERY"), names(documents, "kind"));
        assertEquals(List.of("准予办理通知书", "送达回证"), names(documents, "title"),
                "a public service is 办理, not 许可");
        JsonObject progress = fx.publicProgress(number, received.get("queryCode").getAsString());
        assertEquals("CONCLUDED", progress.get("state").getAsString());
        assertEquals("GREEN", progress.getAsJsonObject("clock").get("light").getAsString());
    }

    // --- 6. reported item ---------------------------------------------------------------------------------

    @Test
    void aReportedCaseIsForwardedToTheCityFollowedDecidedDeliveredElectronicallyAndConcluded() {
        today(2026, 12, 1);
        Who clerk = staff(Role.CLERK, "resources");
        JsonObject received = fx.receiveComplete(clerk, "HS-ZRZY-003", "B04");
        String number = received.get("number").getAsString();
        String queryCode = received.get("queryCode").getAsString();
        JsonObject accepted = fx.acted(clerk, number, "accept", "{\"window\": \"B04\"}");
        assertEquals("ACCEPTED", accepted.get("state").getAsString());
        assertEquals(20, accepted.getAsJsonObject("clock").get("limitDays").getAsInt());
        JsonObject early = refused(fx.act(staff(Role.REVIEWER, "resources"), number, "decision",
                "{\"decision\": \"APPROVED\"}"), 409, "STATE", null);
        assertTrue(early.get("message").getAsString().contains("上报"), early.toString());

        today(2026, 12, 2);
        JsonObject reported = fx.acted(staff(Role.CLERK, "resources"), number, "report", "{\"window\": \"B04\"}");
        assertEquals("REPORTED", reported.get("state").getAsString());
        JsonObject report = reported.getAsJsonObject("progress").getAsJsonObject("report");
        assertEquals("maanshan", report.get("toCenterId").getAsString());
        assertEquals("马鞍山市政务服务中心", report.get("toCenterName").getAsString());
        assertEquals("2026-12-02", report.get("reportedOn").getAsString());
        assertEquals("maanshan", last(reported.getAsJsonArray("timeline")).getAsJsonObject("data").get("toCenter")
                .getAsString());

        today(2026, 12, 4);
        JsonObject updated = fx.acted(staff(Role.CLERK, "resources"), number, "report/updates",
                "{\"status\": \"市局已受理，正在审查\", \"reference\": \"马自然资预〔2026〕118号\"}");
        report = updated.getAsJsonObject("progress").getAsJsonObject("report");
        assertEquals("市局已受理，正在审查", report.get("status").getAsString());
        assertEquals("2026-12-04", report.get("statusOn").getAsString());
        assertEquals("马自然资预〔2026〕118号", report.get("reference").getAsString());

        today(2026, 12, 9);
        JsonObject decided = fx.acted(staff(Role.REVIEWER, "resources"), number, "decision",
                "{\"decision\": \"APPROVED\", \"result\": \"用字第340522202600118号\"}");
        assertEquals("DECIDED", decided.get("state").getAsString());
        assertEquals("由马鞍山市政务服务中心办理", step(decided, 4).get("opinion").getAsString(),
                "the city went through the steps");

        today(2026, 12, 10);
        Who deliverer = staff(Role.CLERK, "resources");
        refused(fx.act(deliverer, number, "delivery", "{\"method\": \"ELECTRONIC\"}"), 400, "INVALID", "address");
        JsonObject delivered = fx.acted(deliverer, number, "delivery",
                "{\"method\": \"ELECTRONIC\", \"address\": \"zhangsanfeng@example.cn\"}");
        assertEquals("DELIVERED", delivered.get("state").getAsString());
        assertEquals("ELECTRONIC", delivered.getAsJsonObject("progress").getAsJsonObject("delivery").get("method")
                .getAsString());
        JsonObject concluded = fx.acted(deliverer, number, "conclude", "{}");
        assertEquals("CONCLUDED", concluded.get("state").getAsString());
        assertEquals("2026-12-10", concluded.get("concludedOn").getAsString());
        assertEquals("GREEN", concluded.getAsJsonObject("clock").get("light").getAsString(), "7 of 20 days");
        assertEquals(7, concluded.getAsJsonObject("clock").get("usedDays").getAsInt());

        ApiResponse publicRead = fx.get("/public" + casePath(number) + "?queryCode=" + queryCode);
        JsonObject progress = json(ok(publicRead));
        List<String> acts = names(progress.getAsJsonArray("timeline"), "act");
        assertEquals(List.of("RECEIVE", "ACCEPT", "REPORT", "REPORT_UPDATE", "APPROVE", "DELIVER", "CONCLUDE"), acts);
        assertTrue(names(progress.getAsJsonArray("timeline"), "actLabel").contains("上报"));
        assertEquals("ELECTRONIC", progress.get("deliveryMethod").getAsString());
        assertFalse(publicRead.text().contains("zhangsanfeng"), publicRead.text());
    }

    // --- 7. refusal and denial, with the applicant's remedies -------------------------------------------

    @Test
    void aRefusalAndADenialTellTheApplicantTheirRemedies() {
        today(2026, 12, 3);
        Who clerk = clerk();
        String refusedCase = fx.receiveComplete(clerk, FOOD, "A03").get("number").getAsString();
        refused(fx.act(clerk, refusedCase, "refuse", "{\"legalBasis\": \"《中华人民共和国行政许可法》第三十二条\"}"),
                400, "INVALID", "reason");
        JsonObject refusal = fx.acted(clerk, refusedCase, "refuse", """
                {"reason": "申请事项依法不需要取得行政许可", "legalBasis": "《中华人民共和国行政许可法》第三十二条第一款第（一）项"}""");
        assertEquals("REFUSED", refusal.get("state").getAsString());
        assertEquals("不予受理", refusal.get("stateLabel").getAsString());
        assertEquals("2026-12-03", refusal.get("concludedOn").getAsString());
        assertFalse(refusal.getAsJsonObject("clock").get("running").getAsBoolean());
        JsonObject refusalNotice = onlyDocument(clerk, refusedCase);
        assertEquals("REFUSAL", refusalNotice.get("kind").getAsString());
        assertEquals("不予受理通知书", refusalNotice.get("title").getAsString());
        assertTrue(String.join("", strings(refusalNotice.getAsJsonArray("body"))).contains("申请事项依法不需要取得行政许可"));
        assertTrue(strings(refusalNotice.getAsJsonArray("bases")).contains("《中华人民共和国行政许可法》第三十二条第一款第（一）项"));
        expectRemedies(refusalNotice, "本通知书");
        refused(fx.act(clerk, refusedCase, "accept", "{}"), 409, "STATE", null);

        String deniedCase = fx.receiveComplete(clerk, FOOD, "A03").get("number").getAsString();
        fx.acted(clerk, deniedCase, "accept", "{}");
        today(2026, 12, 4);
        Who reviewer = reviewer();
        fx.acted(reviewer, deniedCase, "steps/complete", "{\"opinion\": \"经营场所与申请不符\"}");
        fx.acted(reviewer, deniedCase, "steps/complete", "{}");
        today(2026, 12, 7);
        reviewer = reviewer();
        refused(fx.act(reviewer, deniedCase, "decision", "{\"decision\": \"DENIED\", \"legalBasis\": \"" + DENIAL_BASIS
                + "\"}"), 400, "INVALID", "reason");
        refused(fx.act(reviewer, deniedCase, "decision", "{\"decision\": \"DENIED\", \"reason\": \"经营场所与申请不符\"}"),
                400, "INVALID", "legalBasis");
        JsonObject denied = fx.acted(reviewer, deniedCase, "decision", """
                {"decision": "DENIED", "reason": "经现场核查，经营场所与申请材料不符", "legalBasis": "%s"}"""
                .formatted(DENIAL_BASIS));
        assertEquals("DECIDED", denied.get("state").getAsString());
        assertEquals("DENIED", denied.getAsJsonObject("progress").get("decision").getAsString());
        assertEquals("不予许可", denied.getAsJsonObject("progress").get("decisionLabel").getAsString());
        assertEquals("DENY", last(denied.getAsJsonArray("timeline")).get("act").getAsString());
        JsonArray documents = json(ok(fx.get(reviewer, casePath(deniedCase) + "/documents"))).getAsJsonArray("documents");
        assertEquals(List.of("ACCEPTANCE", "DENIAL"), names(documents, "kind"));
        JsonObject denial = documents.get(1).getAsJsonObject();
        assertEquals("不予行政许可决定书", denial.get("title").getAsString());
        assertTrue(String.join("", strings(denial.getAsJsonArray("body"))).contains("经营场所与申请材料不符"));
        assertTrue(strings(denial.getAsJsonArray("bases")).contains(DENIAL_BASIS));
        expectRemedies(denial, "本决定书");
        assertEquals(0, documents.get(0).getAsJsonObject().getAsJsonArray("remedies").size(),
                "an acceptance has nothing to appeal");
    }

    // --- 8. withdrawal ------------------------------------------------------------------------------------

    @Test
    void aCaseWithdrawnAfterAcceptanceEndsThereAndTakesNoFurtherAct() {
        today(2026, 12, 8);
        String number = fx.receiveComplete(clerk(), FOOD, "A03").get("number").getAsString();
        fx.acted(clerk(), number, "accept", "{}");
        today(2026, 12, 9);
        Who clerk = clerk();
        refused(fx.act(clerk, number, "withdraw", "{}"), 400, "INVALID", "reason");
        JsonObject withdrawn = fx.acted(clerk, number, "withdraw", "{\"reason\": \"申请人书面申请撤回，经营地址变更\"}");
        assertEquals("WITHDRAWN", withdrawn.get("state").getAsString());
        assertEquals("已退回", withdrawn.get("stateLabel").getAsString());
        assertEquals("2026-12-09", withdrawn.get("concludedOn").getAsString());
        assertFalse(withdrawn.getAsJsonObject("clock").get("running").getAsBoolean());
        JsonObject event = last(withdrawn.getAsJsonArray("timeline"));
        assertEquals("WITHDRAW", event.get("act").getAsString());
        JsonObject notice = json(ok(fx.get(clerk, casePath(number) + "/documents/"
                + event.getAsJsonObject("data").get("document").getAsString())));
        assertEquals("WITHDRAWAL", notice.get("kind").getAsString());
        assertEquals("退回件通知书", notice.get("title").getAsString());

        int revision = withdrawn.get("revision").getAsInt();
        Who reviewer = reviewer();
        for (String[] later : List.of(
                new String[] {"hs.reviewer", "steps/complete", "{}"},
                new String[] {"hs.reviewer", "decision", "{\"decision\": \"APPROVED\"}"},
                new String[] {"hs.reviewer", "pause", "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"x\"}"},
                new String[] {"hs.reviewer", "extensions", "{\"days\": 2, \"reason\": \"x\"}"},
                new String[] {"hs.clerk", "accept", "{}"},
                new String[] {"hs.clerk", "delivery", "{\"method\": \"WINDOW\"}"},
                new String[] {"hs.clerk", "conclude", "{}"},
                new String[] {"hs.clerk", "withdraw", "{\"reason\": \"再次撤回\"}"},
                new String[] {"hs.clerk", "visits", "{}"})) {
            Who who = later[0].equals("hs.reviewer") ? reviewer : clerk;
            ApiResponse r = fx.act(who, number, later[1], later[2]);
            assertEquals(409, r.status(), later[1] + ": " + r.text());
            assertEquals("STATE", error(r).get("code").getAsString(), later[1]);
            assertTrue(error(r).get("message").getAsString().contains("“已退回”"), later[1] + ": " + r.text());
        }
        assertEquals(revision, fx.caseOf(clerk, number).get("revision").getAsInt(), "nothing changed");
    }

    // --- 9. the two-visit rule ----------------------------------------------------------------------------

    @Test
    void aThirdVisitToFinishACaseCompleteAtIntakeIsABreachAndTwoAreNot() {
        today(2026, 12, 14);
        String threeVisits = acceptedAndApproved();
        JsonObject extra = fx.acted(clerk(), threeVisits, "visits", "{\"window\": \"A03\", \"note\": \"询问进度\"}");
        assertEquals(2, extra.getAsJsonObject("progress").get("visits").getAsInt());
        assertEquals(0, extra.getAsJsonObject("progress").getAsJsonArray("breaches").size(), "two visits are allowed");
        JsonObject delivered = fx.acted(clerk(), threeVisits, "delivery", "{\"method\": \"WINDOW\", \"window\": \"A03\"}");
        assertEquals("DELIVERED", delivered.get("state").getAsString());
        JsonObject progress = delivered.getAsJsonObject("progress");
        assertEquals(3, progress.get("visits").getAsInt());
        assertTrue(progress.get("completeAtIntake").getAsBoolean());
        assertEquals(1, progress.getAsJsonArray("breaches").size());
        JsonObject breach = progress.getAsJsonArray("breaches").get(0).getAsJsonObject();
        assertEquals("TWO_VISITS", breach.get("rule").getAsString());
        assertEquals("两次终结制", breach.get("ruleLabel").getAsString());
        JsonObject event = last(delivered.getAsJsonArray("timeline"));
        assertEquals("BREACH", event.get("act").getAsString());
        assertEquals("TWO_VISITS", event.getAsJsonObject("data").get("rule").getAsString());
        assertEquals("3", event.getAsJsonObject("data").get("visits").getAsString());

        String twoVisits = acceptedAndApproved();
        JsonObject pickedUp = fx.acted(clerk(), twoVisits, "delivery", "{\"method\": \"WINDOW\", \"window\": \"A03\"}");
        assertEquals(2, pickedUp.getAsJsonObject("progress").get("visits").getAsInt(), "receipt and pick-up");
        assertEquals(0, pickedUp.getAsJsonObject("progress").getAsJsonArray("breaches").size());
        assertFalse(names(pickedUp.getAsJsonArray("timeline"), "act").contains("BREACH"));
    }

    // --- 10. delivery by mail, and what the public sees of it --------------------------------------------

    @Test
    void aMailDeliveryNeedsItsTrackingNumberAndThePublicSeesOnlyTheMethod() {
        today(2026, 12, 15);
        JsonObject received = fx.receiveComplete(clerk(), FOOD, "A03");
        String number = received.get("number").getAsString();
        fx.acted(clerk(), number, "accept", "{}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "decision", "{\"decision\": \"APPROVED\", \"result\": \"JY23405220009876\"}");
        int revision = fx.caseOf(clerk(), number).get("revision").getAsInt();
        refused(fx.act(clerk(), number, "delivery", """
                {"method": "MAIL", "recipient": "李四光", "address": "安徽省马鞍山市含山县环峰镇褒禅山路88号"}"""),
                400, "INVALID", "trackingNumber");
        assertEquals(revision, fx.caseOf(clerk(), number).get("revision").getAsInt(), "nothing delivered");
        JsonObject delivered = fx.acted(clerk(), number, "delivery", """
                {"method": "MAIL", "recipient": "李四光", "trackingNumber": "EMS9876543210CN",
                 "address": "安徽省马鞍山市含山县环峰镇褒禅山路88号"}""");
        assertEquals("DELIVERED", delivered.get("state").getAsString());
        JsonObject delivery = delivered.getAsJsonObject("progress").getAsJsonObject("delivery");
        assertEquals("EMS9876543210CN", delivery.get("trackingNumber").getAsString(), "the clerk reads it in full");
        assertEquals("2026-12-15", delivery.get("deliveredOn").getAsString());

        ApiResponse publicRead = fx.get("/public" + casePath(number) + "?queryCode=" + received.get("queryCode").getAsString());
        JsonObject progress = json(ok(publicRead));
        assertEquals("DELIVERED", progress.get("state").getAsString());
        assertEquals("MAIL", progress.get("deliveryMethod").getAsString());
        assertEquals("邮寄送达", progress.get("deliveryMethodLabel").getAsString());
        assertEquals("张**", progress.get("applicantName").getAsString());
        for (String secret : List.of("EMS9876543210CN", "9876543210", "褒禅山路", "李四光", "张三丰", Fixture.PERSON_ID,
                "13912345678")) {
            assertFalse(publicRead.text().contains(secret), secret + " in " + publicRead.text());
        }
        ApiResponse wrongCode = fx.get("/public" + casePath(number) + "?queryCode=" + otherCode(received));
        refused(wrongCode, 404, "NOT_FOUND", "number");
    }

    // --- 11. first inquiry ------------------------------------------------------------------------------

    @Test
    void theFirstClerkAskedOwnsTheInquiryUntilHandingItToAnotherWindow() {
        today(2026, 11, 25);
        ApiResponse opened = fx.post(clerk(), CENTER + "/inquiries", """
                {"subject": "办理社会保障卡需要带什么", "inquirer": "赵小满", "phone": "13800001111", "window": "A01"}""");
        assertEquals(201, opened.status(), opened.text());
        String id = json(opened).get("id").getAsString();
        assertEquals("hs.clerk", json(opened).get("owner").getAsString());
        String path = CENTER + "/inquiries/" + id;
        refused(fx.post(hrssClerk(), path + "/close", "{\"answer\": \"抢答\"}"), 403, "FORBIDDEN", null);

        JsonObject handed = json(ok(fx.post(clerk(), path + "/hand-over",
                "{\"to\": \"hs.clerk.hrss\", \"toWindow\": \"C03\", \"note\": \"社保卡业务转人社窗口\"}")));
        assertEquals("hs.clerk.hrss", handed.get("owner").getAsString());
        assertEquals("C03", handed.get("window").getAsString());
        assertEquals("hs.clerk", handed.get("firstClerk").getAsString());
        refused(fx.post(clerk(), path + "/close", "{\"answer\": \"已答复\"}"), 403, "FORBIDDEN", null);
        refused(fx.post(clerk(), path + "/hand-over", "{\"to\": \"hs.clerk\"}"), 403, "FORBIDDEN", null);

        String number = fx.receiveComplete(hrssClerk(), "HS-RS-001", "C03").get("number").getAsString();
        JsonObject closed = json(ok(fx.post(hrssClerk(), path + "/close",
                "{\"answer\": \"已当场收件办理\", \"caseNumber\": \"" + number + "\"}")));
        assertEquals("CLOSED", closed.get("state").getAsString());
        assertEquals(number, closed.get("caseNumber").getAsString());
        JsonArray history = json(ok(fx.get(supervisor(), path))).getAsJsonArray("history");
        assertEquals(List.of("OPENED", "HANDED_OVER", "CLOSED"), names(history, "kind"));
        assertEquals(List.of("hs.clerk", "hs.clerk", "hs.clerk.hrss"), names(history, "actor"));
        assertEquals(List.of("hs.clerk", "hs.clerk.hrss", "hs.clerk.hrss"), names(history, "owner"));
        refused(fx.post(hrssClerk(), path + "/close", "{\"answer\": \"再次办结\"}"), 409, "STATE", null);
    }

    // --- 12. documents --------------------------------------------------------------------------------------

    @Test
    void theDocumentsAreListedReadPrintedAndPrintedByTheApplicantMasked() {
        today(2026, 12, 16);
        JsonObject received = fx.receiveComplete(clerk(), FOOD, "A03");
        String number = received.get("number").getAsString();
        String queryCode = received.get("queryCode").getAsString();
        fx.acted(clerk(), number, "accept", "{}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "decision", "{\"decision\": \"APPROVED\", \"result\": \"JY23405220001234\"}");

        JsonArray list = json(ok(fx.get(clerk(), casePath(number) + "/documents"))).getAsJsonArray("documents");
        assertEquals(List.of("ACCEPTANCE", "APPROVAL"), names(list, "kind"));
        assertEquals(List.of("受理通知书", "准予行政许可决定书"), names(list, "title"));
        assertEquals(List.of(number + "-D2", number + "-D5"), names(list, "number"));
        String approval = number + "-D5";
        JsonObject data = json(ok(fx.get(clerk(), casePath(number) + "/documents/" + approval)));
        assertEquals("准予行政许可决定书", data.get("title").getAsString());
        assertEquals("含山县市场监督管理局", data.get("departmentName").getAsString());
        assertEquals("张三丰", data.getAsJsonObject("applicant").get("name").getAsString(), "the clerk reads it unmasked");
        assertEquals("2026-12-16", data.get("issuedOn").getAsString());
        assertTrue(String.join("", strings(data.getAsJsonArray("body"))).contains("JY23405220001234"));

        ApiResponse page = fx.get(clerk(), casePath(number) + "/documents/" + approval + "/print");
        assertEquals(200, page.status(), page.text());
        assertEquals("text/html; charset=utf-8", page.contentType());
        String html = page.text();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"zh-CN\">"), html);
        assertTrue(html.contains("size: A4"), "laid out for A4");
        assertTrue(html.contains("<title>准予行政许可决定书 " + approval + "</title>"), html);
        assertTrue(html.contains("张三丰"));

        String publicPrint = "/public" + casePath(number) + "/documents/" + approval + "/print?queryCode=";
        ApiResponse applicantPage = fx.get(publicPrint + queryCode);
        assertEquals(200, applicantPage.status(), applicantPage.text());
        assertEquals("text/html; charset=utf-8", applicantPage.contentType());
        assertTrue(applicantPage.text().contains("张**"));
        assertTrue(applicantPage.text().contains("准予行政许可决定书"));
        for (String secret : List.of("张三丰", Fixture.PERSON_ID, "13912345678", "hs.reviewer")) {
            assertFalse(applicantPage.text().contains(secret), secret + " in the applicant's page");
        }
        refused(fx.get(publicPrint + otherCode(received)), 404, "NOT_FOUND", "number");
        refused(fx.get("/public" + casePath(number) + "?queryCode=" + otherCode(received)), 404, "NOT_FOUND", "number");
    }

    // --- 13. two clerks, one case --------------------------------------------------------------------------

    @Test
    void twoClerksAcceptingOneCaseAtOnceMakeOneAcceptance() throws Exception {
        today(2026, 12, 17);
        Who first = clerk();
        Who second = staff(Role.CLERK, "market");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String number = fx.receiveComplete(first, FOOD, "A03").get("number").getAsString();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ApiResponse>> answers = new ArrayList<>();
                for (Who clerk : List.of(first, second)) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return fx.act(clerk, number, "accept", "{\"window\": \"A03\"}");
                    }));
                }
                List<ApiResponse> responses = new ArrayList<>();
                for (Future<ApiResponse> answer : answers) {
                    responses.add(answer.get(1, TimeUnit.MINUTES));
                }
                List<Integer> statuses = responses.stream().map(ApiResponse::status).sorted().toList();
                assertEquals(List.of(200, 409), statuses, responses.stream().map(ApiResponse::text).toList().toString());
                ApiResponse loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertTrue(List.of("CONFLICT", "STATE").contains(error(loser).get("code").getAsString()), loser.text());
                JsonObject c = fx.caseOf(first, number);
                assertEquals("ACCEPTED", c.get("state").getAsString());
                assertEquals(1, names(c.getAsJsonArray("timeline"), "act").stream().filter("ACCEPT"::equals).count(),
                        c.getAsJsonArray("timeline").toString());
                assertEquals(1, json(ok(fx.get(first, casePath(number) + "/documents"))).getAsJsonArray("documents")
                        .size(), "one acceptance notice");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Today is {@code year-month-day}, 10:00 in China, for the services and the router alike. */
    private void today(int year, int month, int day) {
        today(LocalDate.of(year, month, day));
    }

    private void today(LocalDate day) {
        Instant target = day.atTime(10, 0).atZone(Fixture.CHINA).toInstant();
        fx.clock.advance(Duration.between(fx.clock.instant(), target));
        sessions.clear();
    }

    /** Someone signed in today. */
    private Who signedIn(String account) {
        return sessions.computeIfAbsent(account, fx::signIn);
    }

    /** Someone of {@code role} in {@code department} (made on first use), signed in today. */
    private Who staff(Role role, String department) {
        fx.as(role, department);
        return signedIn(Fixture.accountOf(role, department));
    }

    private Who clerk() {
        return signedIn("hs.clerk");
    }

    private Who reviewer() {
        return signedIn("hs.reviewer");
    }

    private Who supervisor() {
        return signedIn("hs.supervisor");
    }

    private Who hrssClerk() {
        return signedIn("hs.clerk.hrss");
    }

    private Who housingClerk() {
        return staff(Role.CLERK, "housing");
    }

    /** A food licence case received today complete, accepted, through its steps and approved. */
    private String acceptedAndApproved() {
        String number = fx.receiveComplete(clerk(), FOOD, "A03").get("number").getAsString();
        fx.acted(clerk(), number, "accept", "{\"window\": \"A03\"}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "steps/complete", "{}");
        fx.acted(reviewer(), number, "decision", "{\"decision\": \"APPROVED\"}");
        return number;
    }

    /** The case's public progress on {@code day}, its clock as expected. */
    private JsonObject expectClock(String number, String queryCode, LocalDate day, int used, int left, String light) {
        today(day);
        JsonObject progress = fx.publicProgress(number, queryCode);
        JsonObject clock = progress.getAsJsonObject("clock");
        assertEquals(day.toString(), clock.get("asOf").getAsString());
        assertEquals(used, clock.get("usedDays").getAsInt(), "working days used on " + day);
        assertEquals(left, clock.get("leftDays").getAsInt(), "working days left on " + day);
        assertEquals(light, clock.get("light").getAsString(), "light on " + day);
        assertEquals("2026-10-13", clock.get("deadline").getAsString());
        assertTrue(clock.get("running").getAsBoolean());
        return progress;
    }

    /** The one document of a case. */
    private JsonObject onlyDocument(Who who, String number) {
        JsonArray documents = json(ok(fx.get(who, casePath(number) + "/documents"))).getAsJsonArray("documents");
        assertEquals(1, documents.size(), documents.toString());
        return documents.get(0).getAsJsonObject();
    }

    /** Reconsideration within 60 days before 含山县人民政府, a lawsuit within 6 months, from this very document. */
    private static void expectRemedies(JsonObject document, String thisDocument) {
        List<String> remedies = strings(document.getAsJsonArray("remedies"));
        assertEquals(2, remedies.size(), remedies.toString());
        assertTrue(remedies.get(0).contains("六十日内") && remedies.get(0).contains("行政复议")
                && remedies.get(0).contains("含山县人民政府") && remedies.get(0).contains(thisDocument), remedies.get(0));
        assertTrue(remedies.get(1).contains("六个月内") && remedies.get(1).contains("行政诉讼")
                && remedies.get(1).contains(thisDocument), remedies.get(1));
    }

    /** A query code that is not the case's. */
    private static String otherCode(JsonObject received) {
        String code = received.get("queryCode").getAsString();
        return "22222222".equals(code) ? "33333333" : "22222222";
    }

    /** The part of a joint case answered by {@code department}. */
    private static JsonObject part(JsonObject c, String department) {
        for (JsonElement p : c.getAsJsonObject("progress").getAsJsonArray("subCases")) {
            if (p.getAsJsonObject().get("departmentId").getAsString().equals(department)) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no part of " + department + " in " + c);
    }

    private static JsonObject step(JsonObject c, int number) {
        return c.getAsJsonObject("progress").getAsJsonArray("steps").get(number - 1).getAsJsonObject();
    }

    private static ApiResponse ok(ApiResponse r) {
        assertEquals(200, r.status(), r.text());
        return r;
    }

    /** A refusal: its status, its code, and the field it names (when {@code field} is not null); its error. */
    private static JsonObject refused(ApiResponse r, int status, String code, String field) {
        assertEquals(status, r.status(), r.text());
        assertNull(r.contentType(), "a refusal is JSON");
        JsonObject e = error(r);
        assertEquals(code, e.get("code").getAsString(), r.text());
        if (field != null) {
            assertEquals(field, e.get("field").getAsString(), r.text());
        }
        return e;
    }

    private static JsonObject last(JsonArray array) {
        return array.get(array.size() - 1).getAsJsonObject();
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    /** The {@code field} of each object of {@code array}, as text. */
    private static List<String> names(JsonArray array, String field) {
        return array.asList().stream().map(e -> e.getAsJsonObject().get(field).getAsString()).toList();
    }
}
