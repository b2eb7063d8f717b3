package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.casePath;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.api.access.Role;
import org.onestop.web.internal.Fixture.Who;

/**
 * Every act of case handling through the router, over the real engine on a real Derby: each route's happy
 * path, and its main refusals (a state the act does not take: 409 naming the states it needs; a bad field:
 * 400 naming it; a case of another department: 404; a missing permission: 403). Each test works on cases of
 * its own, so the order of the tests does not matter.
 */
class CaseActsTest extends FixtureTest {

    /** A received market case the bad-input cases share; none of them changes it. */
    private String received;

    // --- intake ------------------------------------------------------------------------------------------

    @Test
    void theMaterialCheckListsWhatIsMissingAndTheNoticeIssuesItOnce() {
        String number = fx.receive(fx.clerk, Fixture.incompleteReceiveBody()).get("number").getAsString();
        ApiResponse check = fx.get(fx.clerk, casePath(number) + "/material-check");
        assertEquals(200, check.status(), check.text());
        JsonObject c = json(check);
        assertFalse(c.get("complete").getAsBoolean());
        assertEquals(3, c.getAsJsonArray("problems").size());
        JsonObject first = c.getAsJsonArray("problems").get(0).getAsJsonObject();
        assertEquals("营业执照或者其他主体资格证明文件", first.get("material").getAsString());
        assertEquals("MISSING", first.get("kind").getAsString());
        assertEquals("缺少", first.get("kindLabel").getAsString());

        ApiResponse cannotAccept = fx.act(fx.clerk, number, "accept", "{}");
        assertEquals(400, cannotAccept.status(), "incomplete materials are not accepted");
        assertEquals("materials", error(cannotAccept).get("field").getAsString());

        ApiResponse badKind = fx.act(fx.clerk, number, "notice",
                "{\"problems\": [{\"material\": \"食品经营许可申请书\", \"kind\": \"FOO\"}]}");
        assertEquals(400, badKind.status(), badKind.text());
        assertEquals("problems[0].kind", error(badKind).get("field").getAsString());
        ApiResponse notListed = fx.act(fx.clerk, number, "notice",
                "{\"problems\": [{\"material\": \"户口簿\", \"kind\": \"NOT_COMPLIANT\", \"detail\": \"请补签\"}]}");
        assertEquals(400, notListed.status(), notListed.text());
        assertEquals("problems[0].material", error(notListed).get("field").getAsString());

        JsonObject noticed = fx.acted(fx.clerk, number, "notice", "{\"window\": \"A03\", \"note\": \"当面告知\"}");
        assertEquals("SUPPLEMENTING", noticed.get("state").getAsString());
        assertEquals("待补正", noticed.get("stateLabel").getAsString());
        JsonObject progress = noticed.getAsJsonObject("progress");
        assertEquals(1, progress.get("notices").getAsInt());
        assertEquals(3, progress.getAsJsonArray("flagged").size());
        assertEquals(List.of("食品经营许可申请书"), strings(progress.getAsJsonArray("settled")));
        JsonObject event = last(noticed.getAsJsonArray("timeline"));
        assertEquals("ONE_TIME_NOTICE", event.get("act").getAsString());
        assertEquals("3", event.getAsJsonObject("data").get("problems").getAsString());
        String document = event.getAsJsonObject("data").get("document").getAsString();
        assertEquals(document, noticed.getAsJsonArray("documents").get(0).getAsJsonObject().get("number").getAsString());

        ApiResponse again = fx.act(fx.clerk, number, "notice", "{}");
        assertEquals(409, again.status(), "a notice is out: the case waits for the applicant");
        assertTrue(error(again).get("message").getAsString().contains("“已收件”"), again.text());

        JsonObject supplemented = fx.acted(fx.clerk, number, "supplement", "{\"materials\": " + Fixture.FOOD_MATERIALS
                .replace("{\"name\": \"食品经营许可申请书\", \"form\": \"ORIGINAL\", \"copies\": 1},", "") + ", \"window\": \"A03\"}");
        assertEquals("RECEIVED", supplemented.get("state").getAsString());
        assertEquals(2, supplemented.getAsJsonObject("progress").get("visits").getAsInt(), "came back to the window");
        assertTrue(json(fx.get(fx.clerk, casePath(number) + "/material-check")).get("complete").getAsBoolean());

        // 一次性告知制: the application form was found in order by the first notice; flagging it now is a breach.
        ApiResponse breach = fx.act(fx.clerk, number, "notice",
                "{\"problems\": [{\"material\": \"食品经营许可申请书\", \"kind\": \"NOT_COMPLIANT\", \"detail\": \"签字不全\"}]}");
        assertEquals(400, breach.status(), breach.text());
        assertEquals("problems", error(breach).get("field").getAsString());
        JsonObject after = json(fx.get(fx.clerk, casePath(number)));
        assertEquals("RECEIVED", after.get("state").getAsString(), "no notice was issued");
        assertEquals("BREACH", last(after.getAsJsonArray("timeline")).get("act").getAsString());
        assertEquals("ONE_TIME_NOTICE", last(after.getAsJsonArray("timeline")).getAsJsonObject("data").get("rule")
                .getAsString());
        JsonObject recorded = after.getAsJsonObject("progress").getAsJsonArray("breaches").get(0).getAsJsonObject();
        assertEquals("一次性告知制", recorded.get("ruleLabel").getAsString());

        ApiResponse emptySupplement = fx.act(fx.clerk, number, "supplement", "{\"materials\": []}");
        assertEquals(400, emptySupplement.status());
        assertEquals("materials", error(emptySupplement).get("field").getAsString());
        ApiResponse badForm = fx.act(fx.clerk, number, "supplement",
                "{\"materials\": [{\"name\": \"食品经营许可申请书\", \"form\": \"PHOTO\", \"copies\": 1}]}");
        assertEquals("materials[0].form", error(badForm).get("field").getAsString());

        JsonObject accepted = fx.acted(fx.clerk, number, "accept", "{}");
        assertEquals("ACCEPTED", accepted.get("state").getAsString());
        assertFalse(accepted.getAsJsonObject("progress").get("completeAtIntake").getAsBoolean(), "a notice was needed");
    }

    @Test
    void aConditionalMaterialWhoseConditionApplies() {
        String proxy = "授权委托书及受托人身份证件";
        String body = Fixture.receiveBody().replace("\"channel\": \"WINDOW\",",
                "\"channel\": \"WINDOW\", \"conditionsMet\": [\"" + proxy + "\"],");
        JsonObject received = fx.receive(fx.clerk, body);
        assertEquals(List.of(proxy), strings(received.getAsJsonObject("progress").getAsJsonArray("conditionsMet")));
        JsonObject check = json(fx.get(fx.clerk, casePath(received.get("number").getAsString()) + "/material-check"));
        assertEquals(proxy, check.getAsJsonArray("problems").get(0).getAsJsonObject().get("material").getAsString(),
                "required once its condition applies");
        ApiResponse notConditional = fx.post(fx.clerk, "/centers/hanshan/cases", Fixture.receiveBody().replace(
                "\"channel\": \"WINDOW\",", "\"channel\": \"WINDOW\", \"conditionsMet\": [\"食品经营许可申请书\"],"));
        assertEquals(400, notConditional.status(), notConditional.text());
        assertEquals("conditionsMet[0]", error(notConditional).get("field").getAsString());
        // A material outside the item's list would escape the material check and the one-time rule alike.
        ApiResponse unlisted = fx.post(fx.clerk, "/centers/hanshan/cases", Fixture.receiveBody().replace(
                "食品经营许可申请书", "食品经营许可申清书"));
        assertEquals(400, unlisted.status(), unlisted.text());
        assertEquals("materials[0].name", error(unlisted).get("field").getAsString());
        assertTrue(error(unlisted).get("message").getAsString().contains("材料清单"), unlisted.text());
    }

    @Test
    void aCaseCompleteAtIntakeIsAcceptedAtOnceAndTheActFieldsAreNamedAsTheBodyHasThem() {
        String number = fx.receiveMarketCase();
        JsonObject check = json(fx.get(fx.clerk, casePath(number) + "/material-check"));
        assertTrue(check.get("complete").getAsBoolean());
        assertEquals(0, check.getAsJsonArray("problems").size());
        ApiResponse noNotice = fx.act(fx.clerk, number, "notice", "{}");
        assertEquals(400, noNotice.status(), "nothing to notify");
        assertEquals("problems", error(noNotice).get("field").getAsString());

        ApiResponse future = fx.act(fx.clerk, number, "accept", "{\"on\": \"2026-11-30\"}");
        assertEquals(400, future.status(), future.text());
        assertEquals("on", error(future).get("field").getAsString(), "the body's field, not the service's act.on");
        ApiResponse otherWindow = fx.act(fx.clerk, number, "accept", "{\"window\": \"C03\"}");
        assertEquals(400, otherWindow.status(), otherWindow.text());
        assertEquals("window", error(otherWindow).get("field").getAsString());

        JsonObject accepted = fx.acted(fx.clerk, number, "accept", "{\"window\": \"A03\"}");
        JsonObject progress = accepted.getAsJsonObject("progress");
        assertTrue(progress.get("completeAtIntake").getAsBoolean());
        JsonArray steps = progress.getAsJsonArray("steps");
        assertEquals(4, steps.size());
        assertTrue(steps.get(0).getAsJsonObject().get("completed").getAsBoolean(), "acceptance completes the first step");
        assertEquals("2026-11-25", steps.get(1).getAsJsonObject().get("startedOn").getAsString());
        assertEquals("2026-11-30", steps.get(1).getAsJsonObject().get("due").getAsString(), "3 working days");
        JsonObject clock = accepted.getAsJsonObject("clock");
        assertTrue(clock.get("running").getAsBoolean());
        assertEquals(0, clock.get("pausedDays").getAsInt());
        assertEquals(0, clock.get("extensionDays").getAsInt());
        JsonObject event = last(accepted.getAsJsonArray("timeline"));
        assertEquals("2026-12-02", event.getAsJsonObject("data").get("deadline").getAsString());
        assertEquals("ACCEPT", accepted.getAsJsonArray("documents").get(0).getAsJsonObject().get("act").getAsString());
    }

    @Test
    void aRefusalEndsTheCaseBeforeAcceptance() {
        String number = fx.receiveMarketCase();
        ApiResponse noBasis = fx.act(fx.clerk, number, "refuse", "{\"reason\": \"不属于本机关职权范围\"}");
        assertEquals(400, noBasis.status());
        assertEquals("legalBasis", error(noBasis).get("field").getAsString());
        ApiResponse byReviewer = fx.act(fx.reviewer, number, "refuse",
                "{\"reason\": \"不属于本机关职权范围\", \"legalBasis\": \"《中华人民共和国行政许可法》第三十二条\"}");
        assertEquals(403, byReviewer.status(), "refusing is the clerk's act (受理)");
        ApiResponse byHrss = fx.act(fx.hrssClerk, number, "refuse",
                "{\"reason\": \"不属于本机关职权范围\", \"legalBasis\": \"《中华人民共和国行政许可法》第三十二条\"}");
        assertEquals(404, byHrss.status(), "another department's case reads as missing");
        assertEquals("number", error(byHrss).get("field").getAsString());

        JsonObject refused = fx.acted(fx.clerk, number, "refuse",
                "{\"reason\": \"不属于本机关职权范围\", \"legalBasis\": \"《中华人民共和国行政许可法》第三十二条\"}");
        assertEquals("REFUSED", refused.get("state").getAsString());
        assertEquals("2026-11-25", refused.get("concludedOn").getAsString());
        assertFalse(refused.getAsJsonObject("clock").get("running").getAsBoolean());
        assertEquals("REFUSE", refused.getAsJsonArray("documents").get(0).getAsJsonObject().get("act").getAsString());
        ApiResponse again = fx.act(fx.clerk, number, "refuse",
                "{\"reason\": \"x\", \"legalBasis\": \"y\"}");
        assertEquals(409, again.status());
        assertEquals("STATE", error(again).get("code").getAsString());
        assertTrue(error(again).get("message").getAsString().contains("“已收件”或“待补正”"), again.text());
    }

    @Test
    void anImmediateItemIsDecidedOnTheSpot() {
        String number = fx.receiveComplete(fx.clerk, "HS-SCJG-002", "A02").get("number").getAsString();
        ApiResponse unknown = fx.act(fx.clerk, number, "on-the-spot", "{\"decision\": \"MAYBE\"}");
        assertEquals(400, unknown.status(), unknown.text());
        assertEquals("decision", error(unknown).get("field").getAsString());
        ApiResponse missing = fx.act(fx.clerk, number, "on-the-spot", "{}");
        assertEquals("decision", error(missing).get("field").getAsString());
        ApiResponse asSupervisor = fx.act(fx.supervisor, number, "on-the-spot", "{\"decision\": \"APPROVED\"}");
        assertEquals(403, asSupervisor.status());

        JsonObject done = fx.acted(fx.clerk, number, "on-the-spot",
                "{\"decision\": \"APPROVED\", \"result\": \"营业执照 92340522MA2XXXXX\", \"window\": \"A02\"}");
        assertEquals("CONCLUDED", done.get("state").getAsString());
        JsonObject progress = done.getAsJsonObject("progress");
        assertEquals("APPROVED", progress.get("decision").getAsString());
        assertEquals("WINDOW", progress.getAsJsonObject("delivery").get("method").getAsString());
        assertEquals("窗口领取", progress.getAsJsonObject("delivery").get("methodLabel").getAsString());
        assertEquals(List.of("APPROVE", "DELIVER"), done.getAsJsonArray("documents").asList().stream()
                .map(e -> e.getAsJsonObject().get("act").getAsString()).toList());

        String promised = fx.receiveMarketCase();
        ApiResponse notImmediate = fx.act(fx.clerk, promised, "on-the-spot", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, notImmediate.status(), notImmediate.text());
    }

    // --- steps, special procedures, extensions ---------------------------------------------------------

    @Test
    void stepsAreAssignedAndCompletedInOrderByTheDepartment() {
        String number = fx.acceptedMarketCase();
        JsonObject assigned = fx.acted(fx.reviewer, number, "steps/2/assignee", "{\"assignee\": \"张审查\"}");
        assertEquals("张审查", assigned.getAsJsonObject("progress").getAsJsonArray("steps").get(1).getAsJsonObject()
                .get("assignee").getAsString());
        assertEquals("2", last(assigned.getAsJsonArray("timeline")).getAsJsonObject("data").get("step").getAsString());

        assertEquals(403, fx.act(fx.clerk, number, "steps/2/assignee", "{\"assignee\": \"张审查\"}").status(),
                "assigning is the department head's act (审核审批)");
        assertEquals("step", error(fx.act(fx.reviewer, number, "steps/x/assignee", "{\"assignee\": \"张\"}"))
                .get("field").getAsString());
        assertEquals("step", error(fx.act(fx.reviewer, number, "steps/9/assignee", "{\"assignee\": \"张\"}"))
                .get("field").getAsString());
        assertEquals("assignee", error(fx.act(fx.reviewer, number, "steps/2/assignee", "{}")).get("field").getAsString());
        assertEquals(409, fx.act(fx.reviewer, number, "steps/1/assignee", "{\"assignee\": \"张\"}").status(),
                "the first step was completed by the acceptance");

        ApiResponse outOfOrder = fx.act(fx.reviewer, number, "steps/complete", "{\"step\": 3}");
        assertEquals(400, outOfOrder.status());
        assertEquals("step", error(outOfOrder).get("field").getAsString());
        ApiResponse wrongType = fx.act(fx.reviewer, number, "steps/complete", "{\"step\": \"two\"}");
        assertEquals("step", error(wrongType).get("field").getAsString());
        JsonObject completed = fx.acted(fx.reviewer, number, "steps/complete", "{\"step\": 2, \"opinion\": \"审查通过\"}");
        JsonObject step = completed.getAsJsonObject("progress").getAsJsonArray("steps").get(1).getAsJsonObject();
        assertTrue(step.get("completed").getAsBoolean());
        assertEquals("审查通过", step.get("opinion").getAsString());
        assertEquals("李审核（hs.reviewer）", step.get("completedBy").getAsString());

        ApiResponse early = fx.act(fx.reviewer, number, "decision", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, early.status(), "the decision step is still open");
        fx.acted(fx.reviewer, number, "steps/complete", "{}");
        ApiResponse noReason = fx.act(fx.reviewer, number, "decision", "{\"decision\": \"DENIED\"}");
        assertEquals(400, noReason.status());
        assertEquals("reason", error(noReason).get("field").getAsString());
        assertEquals(403, fx.act(fx.clerk, number, "decision", "{\"decision\": \"APPROVED\"}").status());
        JsonObject denied = fx.acted(fx.reviewer, number, "decision", """
                {"decision": "DENIED", "reason": "经营场所与申请不符", "legalBasis": "《食品经营许可和备案管理办法》第二十条"}
                """);
        assertEquals("DECIDED", denied.get("state").getAsString());
        assertEquals("不予许可", denied.getAsJsonObject("progress").get("decisionLabel").getAsString());
        ApiResponse again = fx.act(fx.reviewer, number, "steps/complete", "{}");
        assertEquals(409, again.status());
        assertTrue(error(again).get("message").getAsString().contains("“已受理”"), again.text());
    }

    @Test
    void aSpecialProcedureStopsTheClockAndAnApprovedExtensionMovesTheDeadline() {
        String number = fx.receiveComplete(fx.clerk, "HS-SCJG-003", "A03", LocalDate.of(2026, 11, 20)).get("number")
                .getAsString();
        fx.acted(fx.clerk, number, "accept", "{\"on\": \"2026-11-20\"}");
        ApiResponse unlisted = fx.act(fx.reviewer, number, "pause", "{\"procedure\": \"HEARING\", \"reason\": \"听证\"}");
        assertEquals(400, unlisted.status(), "the item lists only 现场踏勘");
        assertEquals("procedure", error(unlisted).get("field").getAsString());
        assertEquals("procedure", error(fx.act(fx.reviewer, number, "pause", "{\"procedure\": \"FOO\", \"reason\": \"x\"}"))
                .get("field").getAsString());
        assertEquals("reason", error(fx.act(fx.reviewer, number, "pause", "{\"procedure\": \"SITE_SURVEY\"}"))
                .get("field").getAsString());

        JsonObject paused = fx.acted(fx.reviewer, number, "pause",
                "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"核查经营场所\", \"on\": \"2026-11-23\"}");
        assertEquals("PAUSED", paused.get("state").getAsString());
        assertFalse(paused.getAsJsonObject("clock").get("running").getAsBoolean());
        JsonObject pause = paused.getAsJsonObject("progress").getAsJsonArray("pauses").get(0).getAsJsonObject();
        assertTrue(pause.get("running").getAsBoolean());
        assertEquals("现场踏勘", pause.get("procedureLabel").getAsString());
        assertEquals(409, fx.act(fx.reviewer, number, "steps/complete", "{}").status(), "nothing moves while paused");
        assertEquals(409, fx.act(fx.reviewer, number, "pause", "{\"procedure\": \"SITE_SURVEY\", \"reason\": \"x\"}")
                .status());

        JsonObject resumed = fx.acted(fx.reviewer, number, "resume", "{}");
        assertEquals("ACCEPTED", resumed.get("state").getAsString());
        assertEquals(2, resumed.getAsJsonObject("progress").getAsJsonArray("pauses").get(0).getAsJsonObject()
                .get("workingDays").getAsInt(), "Tuesday and Wednesday");
        assertEquals("2026-12-01", resumed.get("deadline").getAsString(), "27 November plus two working days");
        assertEquals(2, resumed.getAsJsonObject("clock").get("pausedDays").getAsInt());
        assertEquals("2026-11-27", resumed.getAsJsonObject("progress").getAsJsonArray("steps").get(1).getAsJsonObject()
                .get("due").getAsString(), "the step's due day moves too");
        ApiResponse notPaused = fx.act(fx.reviewer, number, "resume", "{}");
        assertEquals(409, notPaused.status());
        assertTrue(error(notPaused).get("message").getAsString().contains("“特别程序中”"), notPaused.text());

        assertEquals("days", error(fx.act(fx.reviewer, number, "extensions", "{\"reason\": \"需补充核查\"}")).get("field")
                .getAsString());
        assertEquals("days", error(fx.act(fx.reviewer, number, "extensions", "{\"days\": 16, \"reason\": \"需补充核查\"}"))
                .get("field").getAsString(), "5 promised + 16 passes the legal 10 + 10");
        assertEquals(409, fx.act(fx.as(Role.REVIEWER, "market"), number, "extensions/decision", "{\"approved\": true}")
                .status(), "nothing to decide yet");
        JsonObject requested = fx.acted(fx.reviewer, number, "extensions", "{\"days\": 3, \"reason\": \"需补充核查\"}");
        assertEquals("REQUESTED", requested.getAsJsonObject("progress").getAsJsonArray("extensions").get(0)
                .getAsJsonObject().get("status").getAsString());
        assertEquals(409, fx.act(fx.reviewer, number, "extensions", "{\"days\": 1, \"reason\": \"再延\"}").status(),
                "one pending request at a time");

        assertEquals(403, fx.act(fx.clerk, number, "extensions/decision", "{\"approved\": true}").status(),
                "approving needs 批准延期");
        ApiResponse own = fx.act(fx.reviewer, number, "extensions/decision", "{\"approved\": true}");
        assertEquals(403, own.status(), "nobody approves their own request: " + own.text());
        assertEquals("approved", error(fx.act(fx.as(Role.REVIEWER, "market"), number, "extensions/decision", "{}"))
                .get("field").getAsString());
        assertEquals("approved", error(fx.act(fx.as(Role.REVIEWER, "market"), number, "extensions/decision",
                "{\"approved\": \"yes\"}")).get("field").getAsString());
        JsonObject approved = fx.acted(fx.as(Role.REVIEWER, "market"), number, "extensions/decision",
                "{\"approved\": true, \"note\": \"同意延期\"}");
        JsonObject extension = approved.getAsJsonObject("progress").getAsJsonArray("extensions").get(0).getAsJsonObject();
        assertEquals("已批准", extension.get("statusLabel").getAsString());
        assertEquals("同意延期", extension.get("note").getAsString());
        assertEquals("2026-12-04", approved.get("deadline").getAsString());
        assertEquals(3, approved.getAsJsonObject("clock").get("extensionDays").getAsInt());
        assertTrue(approved.getAsJsonArray("documents").asList().stream()
                .anyMatch(d -> d.getAsJsonObject().get("act").getAsString().equals("APPROVE_EXTENSION")));
    }

    // --- joint cases ------------------------------------------------------------------------------------

    @Test
    void eachDepartmentAnswersItsOwnPartOfAJointCaseAndReadsTheCase() {
        Who housingClerk = fx.as(Role.CLERK, "housing");
        Who housing = fx.as(Role.REVIEWER, "housing");
        Who resources = fx.as(Role.REVIEWER, "resources");
        Who hrss = fx.as(Role.REVIEWER, "hrss");
        Who police = fx.as(Role.REVIEWER, "police");
        String number = fx.receiveComplete(housingClerk, "HS-ZJ-001", "B01").get("number").getAsString();
        JsonObject accepted = fx.acted(housingClerk, number, "accept", "{}");
        JsonArray parts = accepted.getAsJsonObject("progress").getAsJsonArray("subCases");
        assertEquals(2, parts.size());
        JsonObject part = parts.get(0).getAsJsonObject();
        assertEquals(number + "-J1", part.get("number").getAsString());
        assertEquals("resources", part.get("departmentId").getAsString());
        assertEquals("PENDING", part.get("state").getAsString());
        assertEquals("2026-11-27", part.get("deadline").getAsString());
        assertEquals(2, part.getAsJsonObject("clock").get("limitDays").getAsInt());
        assertTrue(part.getAsJsonObject("clock").get("running").getAsBoolean());

        ApiResponse read = fx.get(resources, casePath(number));
        assertEquals(200, read.status(), "a part's department reads the case: " + read.text());
        assertEquals("张**", json(read).getAsJsonObject("applicant").get("name").getAsString(),
                "masked: it reads no personal data in housing");
        assertEquals(200, fx.get(resources, casePath(number) + "/documents").status());
        assertEquals(404, fx.get(police, casePath(number)).status(), "police has no part in it");
        assertEquals(403, fx.get(resources, casePath(number) + "/material-check").status(),
                "the intake check stays with the case's department");

        assertEquals(403, fx.act(housing, number, "joint/answers", "{\"departmentId\": \"hrss\", \"consent\": true}")
                .status(), "the case's reviewer does not answer for hrss");
        assertEquals(403, fx.act(resources, number, "joint/answers", "{\"departmentId\": \"hrss\", \"consent\": true}")
                .status(), "nor does another part's");
        ApiResponse hidden = fx.act(police, number, "joint/answers", "{\"departmentId\": \"police\", \"consent\": true}");
        assertEquals(404, hidden.status(), hidden.text());
        assertEquals("number", error(hidden).get("field").getAsString());
        ApiResponse notAPart = fx.act(housing, number, "joint/answers", "{\"departmentId\": \"police\", \"consent\": true}");
        assertEquals(404, notAPart.status(), notAPart.text());
        assertEquals("departmentId", error(notAPart).get("field").getAsString());
        assertEquals("consent", error(fx.act(resources, number, "joint/answers", "{\"departmentId\": \"resources\"}"))
                .get("field").getAsString());
        assertEquals("opinion", error(fx.act(resources, number, "joint/answers",
                "{\"departmentId\": \"resources\", \"consent\": false}")).get("field").getAsString());

        JsonObject answered = fx.acted(resources, number, "joint/answers",
                "{\"departmentId\": \"resources\", \"consent\": true, \"opinion\": \"用地手续齐全\"}");
        JsonObject resourcesPart = answered.getAsJsonObject("progress").getAsJsonArray("subCases").get(0).getAsJsonObject();
        assertEquals("同意", resourcesPart.get("stateLabel").getAsString());
        assertEquals("部门答复", resourcesPart.get("ruleLabel").getAsString());
        assertEquals("resources审核审批人员（hs.reviewer.resources）", resourcesPart.get("answeredBy").getAsString());
        assertFalse(resourcesPart.getAsJsonObject("clock").get("running").getAsBoolean());
        assertEquals(409, fx.act(resources, number, "joint/answers", "{\"departmentId\": \"resources\", \"consent\": true}")
                .status(), "answered once");

        fx.acted(housing, number, "steps/complete", "{}");
        fx.acted(housing, number, "steps/complete", "{}");
        ApiResponse waiting = fx.act(housing, number, "decision", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, waiting.status(), "hrss has not answered");
        assertEquals(403, fx.act(resources, number, "joint/meetings", "{\"attended\": []}").status());
        assertEquals("attended[0].consent", error(fx.act(housing, number, "joint/meetings",
                "{\"attended\": [{\"departmentId\": \"hrss\"}]}")).get("field").getAsString());
        JsonObject met = fx.acted(housing, number, "joint/meetings",
                "{\"attended\": [{\"departmentId\": \"resources\", \"consent\": true}]}");
        JsonObject meeting = met.getAsJsonObject("progress").getAsJsonArray("meetings").get(0).getAsJsonObject();
        assertEquals(List.of("resources"), strings(meeting.getAsJsonArray("attended")));
        assertEquals(List.of("hrss"), strings(meeting.getAsJsonArray("absent")));
        JsonObject hrssPart = met.getAsJsonObject("progress").getAsJsonArray("subCases").get(1).getAsJsonObject();
        assertEquals("ABSENCE_DEFAULT", hrssPart.get("rule").getAsString());
        assertEquals("CONSENTED", hrssPart.get("state").getAsString());
        assertEquals(409, fx.act(hrss, number, "joint/answers", "{\"departmentId\": \"hrss\", \"consent\": true}").status(),
                "taken to consent already");
        assertEquals("DECIDED", fx.acted(housing, number, "decision", "{\"decision\": \"APPROVED\"}").get("state")
                .getAsString());

        String notJoint = fx.acceptedMarketCase();
        assertEquals(409, fx.act(fx.reviewer, notJoint, "joint/meetings", "{\"attended\": []}").status());
    }

    @Test
    void theJointTimeoutRuleIsAppliedOnRequestBySupervisors() {
        Who housingClerk = fx.as(Role.CLERK, "housing");
        String number = fx.receiveComplete(housingClerk, "HS-ZJ-001", "B01", LocalDate.of(2026, 11, 18)).get("number")
                .getAsString();
        fx.acted(housingClerk, number, "accept", "{\"on\": \"2026-11-18\"}");
        assertEquals(403, fx.post(fx.clerk, "/centers/hanshan/joint-timeouts", "{}").status());
        ApiResponse future = fx.post(fx.supervisor, "/centers/hanshan/joint-timeouts", "{\"asOf\": \"2026-11-26\"}");
        assertEquals(400, future.status());
        assertEquals("asOf", error(future).get("field").getAsString());
        assertEquals("asOf", error(fx.post(fx.supervisor, "/centers/hanshan/joint-timeouts", "{\"asOf\": \"soon\"}"))
                .get("field").getAsString());
        JsonObject before = json(fx.post(fx.supervisor, "/centers/hanshan/joint-timeouts", "{\"asOf\": \"2026-11-20\"}"));
        assertFalse(strings(before.getAsJsonArray("cases")).contains(number), "due on the 20th: not yet overdue");

        ApiResponse applied = fx.post(fx.supervisor, "/centers/hanshan/joint-timeouts", "{}");
        assertEquals(200, applied.status(), applied.text());
        assertEquals("2026-11-25", json(applied).get("asOf").getAsString());
        assertTrue(strings(json(applied).getAsJsonArray("cases")).contains(number), applied.text());
        JsonObject c = json(fx.get(fx.supervisor, casePath(number)));
        for (JsonElement part : c.getAsJsonObject("progress").getAsJsonArray("subCases")) {
            assertEquals("TIMEOUT_DEFAULT", part.getAsJsonObject().get("rule").getAsString());
            assertEquals("超时默认", part.getAsJsonObject().get("ruleLabel").getAsString());
        }
        assertEquals("JOINT_TIMEOUT", last(c.getAsJsonArray("timeline")).get("act").getAsString());
        assertFalse(strings(json(fx.post(fx.supervisor, "/centers/hanshan/joint-timeouts", "{}")).getAsJsonArray("cases"))
                .contains(number), "applied once");
    }

    // --- reported items, delivery, conclusion ------------------------------------------------------------

    @Test
    void aReportedCaseIsForwardedFollowedDecidedDeliveredByMailAndConcluded() {
        Who clerk = fx.as(Role.CLERK, "resources");
        Who reviewer = fx.as(Role.REVIEWER, "resources");
        JsonObject received = fx.receiveComplete(clerk, "HS-ZRZY-003", "B04");
        String number = received.get("number").getAsString();
        String queryCode = received.get("queryCode").getAsString();
        fx.acted(clerk, number, "accept", "{}");
        assertEquals(409, fx.act(reviewer, number, "decision", "{\"decision\": \"APPROVED\"}").status(),
                "the higher level decides: report first");
        JsonObject reported = fx.acted(clerk, number, "report", "{\"reference\": \"MAS-2026-118\"}");
        assertEquals("REPORTED", reported.get("state").getAsString());
        JsonObject report = reported.getAsJsonObject("progress").getAsJsonObject("report");
        assertEquals("maanshan", report.get("toCenterId").getAsString());
        assertEquals("MAS-2026-118", report.get("reference").getAsString());
        assertEquals("status", error(fx.act(clerk, number, "report/updates", "{}")).get("field").getAsString());
        JsonObject updated = fx.acted(clerk, number, "report/updates", "{\"status\": \"市局已受理\"}");
        assertEquals("市局已受理", updated.getAsJsonObject("progress").getAsJsonObject("report").get("status").getAsString());
        assertEquals(409, fx.act(clerk, number, "report", "{}").status());
        assertEquals(409, fx.act(fx.clerk, fx.acceptedMarketCase(), "report", "{}").status(), "a promised item is not reported");

        fx.acted(reviewer, number, "decision", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, fx.act(reviewer, number, "conclude", "{}").status(), "delivered first");
        ApiResponse noTracking = fx.act(clerk, number, "delivery", "{\"method\": \"MAIL\", \"address\": \"含山县环峰镇褒禅山路88号\"}");
        assertEquals(400, noTracking.status());
        assertEquals("trackingNumber", error(noTracking).get("field").getAsString());
        assertEquals("method", error(fx.act(clerk, number, "delivery", "{\"method\": \"PIGEON\"}")).get("field").getAsString());
        assertEquals(403, fx.act(fx.supervisor, number, "delivery", "{\"method\": \"WINDOW\"}").status());
        JsonObject delivered = fx.acted(clerk, number, "delivery", """
                {"method": "MAIL", "recipient": "李四光", "trackingNumber": "EMS1234567890CN",
                 "address": "安徽省马鞍山市含山县环峰镇褒禅山路88号"}
                """);
        assertEquals("DELIVERED", delivered.get("state").getAsString());
        JsonObject delivery = delivered.getAsJsonObject("progress").getAsJsonObject("delivery");
        assertEquals("李四光", delivery.get("recipient").getAsString(), "the clerk reads personal data in resources");
        assertEquals("EMS1234567890CN", delivery.get("trackingNumber").getAsString());

        ApiResponse bySupervisor = fx.get(fx.supervisor, casePath(number));
        JsonObject masked = json(bySupervisor).getAsJsonObject("progress").getAsJsonObject("delivery");
        assertEquals("李**", masked.get("recipient").getAsString());
        assertEquals("EMS********90CN".length(), masked.get("trackingNumber").getAsString().length());
        assertFalse(bySupervisor.text().contains("EMS1234567890CN") || bySupervisor.text().contains("褒禅山路")
                || bySupervisor.text().contains("李四光"), bySupervisor.text());

        JsonObject concluded = fx.acted(reviewer, number, "conclude", "{}");
        assertEquals("CONCLUDED", concluded.get("state").getAsString());
        assertTrue(last(concluded.getAsJsonObject("progress").getAsJsonArray("steps")).get("completed").getAsBoolean(),
                "the delivery completes the last step");

        ApiResponse progress = fx.get("/public/centers/hanshan/cases/" + number + "?queryCode=" + queryCode);
        assertEquals(200, progress.status(), progress.text());
        JsonObject p = json(progress);
        assertEquals("MAIL", p.get("deliveryMethod").getAsString());
        assertEquals("邮寄送达", p.get("deliveryMethodLabel").getAsString());
        assertEquals("准予许可", p.get("decisionLabel").getAsString());
        assertEquals(5, p.getAsJsonArray("steps").size());
        assertTrue(p.getAsJsonArray("steps").get(0).getAsJsonObject().get("done").getAsBoolean());
        assertFalse(p.getAsJsonArray("documents").asList().stream()
                .anyMatch(d -> d.getAsJsonObject().get("act").getAsString().equals("DELIVER")), "no delivery receipt");
        for (String secret : List.of("EMS", "褒禅山路", "李四", "张三丰", Fixture.PERSON_ID, "13912345678", "hs.", "审核")) {
            assertFalse(progress.text().contains(secret), secret + " in " + progress.text());
        }
    }

    // --- withdrawal and visits -------------------------------------------------------------------------------

    @Test
    void aCaseIsWithdrawnBeforeItsDecision() {
        String number = fx.acceptedMarketCase();
        assertEquals("reason", error(fx.act(fx.clerk, number, "withdraw", "{}")).get("field").getAsString());
        assertEquals(403, fx.act(fx.reviewer, number, "withdraw", "{\"reason\": \"申请人撤回\"}").status());
        JsonObject withdrawn = fx.acted(fx.clerk, number, "withdraw", "{\"reason\": \"申请人书面申请撤回\"}");
        assertEquals("WITHDRAWN", withdrawn.get("state").getAsString());
        assertEquals("已退回", withdrawn.get("stateLabel").getAsString());
        ApiResponse again = fx.act(fx.clerk, number, "withdraw", "{\"reason\": \"x\"}");
        assertEquals(409, again.status());
        assertTrue(error(again).get("message").getAsString().contains("“已上报”"), again.text());
        assertEquals(409, fx.act(fx.clerk, number, "visits", "{}").status(), "an ended case takes no visit");
    }

    @Test
    void aThirdVisitToACaseCompleteAtIntakeIsABreachOfTheTwoVisitRule() {
        String number = fx.acceptedMarketCase();
        assertEquals(403, fx.act(fx.supervisor, number, "visits", "{}").status());
        assertEquals(404, fx.act(fx.hrssClerk, number, "visits", "{}").status());
        JsonObject second = fx.acted(fx.clerk, number, "visits", "{\"window\": \"A03\"}");
        assertEquals(2, second.getAsJsonObject("progress").get("visits").getAsInt());
        assertEquals(0, second.getAsJsonObject("progress").getAsJsonArray("breaches").size());
        JsonObject third = fx.acted(fx.clerk, number, "visits", "{\"window\": \"A03\", \"note\": \"询问进度\"}");
        JsonObject breach = third.getAsJsonObject("progress").getAsJsonArray("breaches").get(0).getAsJsonObject();
        assertEquals("TWO_VISITS", breach.get("rule").getAsString());
        assertEquals("两次终结制", breach.get("ruleLabel").getAsString());
        JsonObject event = last(third.getAsJsonArray("timeline"));
        assertEquals("BREACH", event.get("act").getAsString());
        assertEquals("3", event.getAsJsonObject("data").get("visits").getAsString());
    }

    @Test
    void everyActOnACaseThatDoesNotExistIs404OnNumber() {
        for (String act : List.of("notice", "supplement", "accept", "refuse", "on-the-spot", "steps/2/assignee",
                "steps/complete", "pause", "resume", "extensions", "extensions/decision", "joint/answers",
                "joint/meetings", "report", "report/updates", "decision", "delivery", "conclude", "withdraw", "visits")) {
            ApiResponse r = fx.act(fx.wideToken, "340522-20261125-9999", act, "{}");
            assertEquals(404, r.status(), act + ": " + r.text());
            assertEquals("number", error(r).get("field").getAsString(), act);
        }
    }

    /**
     * A bad value in any act's body (an unknown enum name, a wrong type, an impossible date, a missing text) is
     * a 400 naming the field as the body has it, never a 500, and changes nothing.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "notice|{\"problems\": [{\"material\": \"食品经营许可申请书\", \"kind\": \"FOO\"}]}|problems[0].kind",
            "notice|{\"problems\": [{\"material\": \"食品经营许可申请书\", \"kind\": \"missing\"}]}|problems[0].kind",
            "notice|{\"problems\": [null]}|problems[0]",
            "notice|{\"problems\": {}}|problems",
            "supplement|{\"materials\": [{\"name\": \"x\", \"form\": \"FAX\", \"copies\": 1}]}|materials[0].form",
            "supplement|{\"materials\": [{\"name\": \"x\", \"form\": \"COPY\", \"copies\": 0}]}|materials[0].copies",
            "supplement|{\"materials\": [{\"name\": \"食品经营许可申请书\", \"form\": \"ORIGINAL\", \"copies\": 1}, {\"name\": \"户口簿\", \"form\": \"COPY\", \"copies\": 1}]}|materials[1].name",
            "accept|{\"on\": \"2026-13-01\"}|on",
            "accept|{\"window\": 7}|window",
            "refuse|{\"reason\": \"x\", \"legalBasis\": \"y\", \"on\": \"yesterday\"}|on",
            "on-the-spot|{\"decision\": \"approved\"}|decision",
            "steps/complete|{\"step\": 1.5}|step",
            "steps/2/assignee|{\"assignee\": \"  \"}|assignee",
            "pause|{\"procedure\": \"NAP\", \"reason\": \"x\"}|procedure",
            "extensions|{\"days\": \"3\", \"reason\": \"x\"}|days",
            "extensions|{\"days\": 0, \"reason\": \"x\"}|days",
            "extensions/decision|{\"approved\": 1}|approved",
            "joint/answers|{\"departmentId\": \"resources\", \"consent\": \"yes\"}|consent",
            "joint/meetings|{\"attended\": [{\"departmentId\": \"hrss\", \"consent\": null}]}|attended[0].consent",
            "joint/meetings|{\"attended\": [{\"departmentId\": \"hrss\", \"consent\": true}, {\"departmentId\": \"hrss\", \"consent\": true}]}|attended[1]",
            "report|{\"reference\": 12}|reference",
            "report/updates|{\"status\": \" \"}|status",
            "decision|{\"decision\": \"DENIED\", \"reason\": \"不符合条件\"}|legalBasis",
            "delivery|{\"method\": \"FAX\"}|method",
            "delivery|{\"method\": \"ELECTRONIC\"}|address",
            "withdraw|{\"reason\": [\"x\"]}|reason",
            "visits|{\"on\": \"2026-02-30\"}|on"})
    void aBadFieldInAnyActIs400OnThatField(String act, String body, String field) {
        if (received == null) {
            received = fx.receiveMarketCase();
        }
        int revision = json(fx.get(fx.clerk, casePath(received))).get("revision").getAsInt();
        ApiResponse r = fx.act(fx.wideToken, received, act, body);
        assertEquals(400, r.status(), act + " " + body + ": " + r.text());
        assertEquals("INVALID", error(r).get("code").getAsString());
        assertEquals(field, error(r).get("field").getAsString(), r.text());
        assertEquals(revision, json(fx.get(fx.clerk, casePath(received))).get("revision").getAsInt(), "nothing changed");
    }

    private static JsonObject last(JsonArray array) {
        return array.get(array.size() - 1).getAsJsonObject();
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
