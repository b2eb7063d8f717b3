package org.onestop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.BreachRule;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ConsentRule;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ExtensionDecision;
import org.onestop.api.cases.ExtensionRequest;
import org.onestop.api.cases.JointAnswer;
import org.onestop.api.cases.JointMeetingRequest;
import org.onestop.api.cases.JointOpinion;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.NoticeRequest;
import org.onestop.api.cases.PauseRequest;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.RefusalRequest;
import org.onestop.api.cases.ReportRequest;
import org.onestop.api.cases.ReportUpdate;
import org.onestop.api.cases.StepAssignment;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.StepProgress;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SubCaseState;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.cases.SupplementRequest;
import org.onestop.api.cases.WithdrawRequest;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.id.ResidentId;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;

/**
 * Every path of a case through the SDK on the demo catalog and the real 2026 calendar: the engine's rules,
 * its clock, its documents and its events.
 */
class CaseHandlingTest {

    static final String HANSHAN = "hanshan";
    static final String FOOD = "HS-SCJG-003";      // 承诺件, 5 of 10 days, 现场踏勘, market A01
    static final String CARD = "HS-RS-001";        // 即办件, hrss C03
    static final String PERMIT = "HS-ZJ-001";      // 联办件, housing B01, with resources and hrss (2 days each)
    static final String SITE = "HS-ZRZY-003";      // 上报件, resources B03

    private final MutableClock clock = new MutableClock(LocalDate.of(2026, 9, 30));
    private final List<CaseEventNotice> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CaseListener listener = new CaseListener() {
        @Override
        public String id() {
            return "heard";
        }

        @Override
        public void onCaseEvent(CaseEventNotice notice) {
            heard.add(notice);
        }
    };
    private OneStop oneStop;
    private CaseService cases;

    @BeforeEach
    void start(@TempDir Path data) {
        oneStop = OneStop.builder().dataDir(data).clock(clock).discoverPlugins(false).listener(listener).build();
        oneStop.importCatalogFolder(DemoCatalogTest.DEMO);
        cases = oneStop.cases();
    }

    @AfterEach
    void stop() {
        oneStop.close();
    }

    static String idNumber(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    private Item item(String code) {
        return oneStop.catalog().item(HANSHAN, code).orElseThrow();
    }

    /** Every required material of the item, as the list asks for it. */
    private List<SubmittedMaterial> complete(String code) {
        return item(code).materials().stream().filter(Material::required)
                .map(m -> new SubmittedMaterial(m.name(), m.form(), m.copies())).toList();
    }

    private Case receive(String code, String window, List<SubmittedMaterial> materials) {
        return cases.receive(HANSHAN, new ReceiveRequest(code, new Applicant(ApplicantType.PERSON, "王小明",
                idNumber("34052219900101123"), "13955551234"), Channel.WINDOW, materials, ActDetails.by("clerk", window)));
    }

    private static ActDetails by(String who) {
        return ActDetails.by(who, null);
    }

    private static List<CaseAct> acts(Case c) {
        return c.timeline().stream().map(CaseEvent::act).toList();
    }

    @Test
    void promisedCaseGoesFromIncompleteIntakeToConclusionWithNoticesPauseAndExtension() {
        List<SubmittedMaterial> partial = new ArrayList<>(complete(FOOD));
        SubmittedMaterial licence = partial.remove(1);
        Case c = receive(FOOD, "A01", partial);
        assertEquals(List.of(new MaterialProblem(licence.name(), ProblemKind.MISSING, "请提交复印件1份")),
                cases.materialCheck(HANSHAN, c.number()));
        OneStopException incomplete = assertThrows(OneStopException.class, () -> cases.accept(HANSHAN, c.number(), by("clerk")));
        assertEquals("materials", incomplete.field());

        // One notice lists the platform's finding and the clerk's own.
        String form = partial.get(0).name();
        Case noticed = cases.issueOneTimeNotice(HANSHAN, c.number(), new NoticeRequest(
                List.of(new MaterialProblem(form, ProblemKind.NOT_COMPLIANT, "申请书未签字")), by("clerk")));
        assertEquals(CaseState.SUPPLEMENTING, noticed.state());
        CaseDocument notice = oneStop.documents().documents(HANSHAN, c.number()).get(0);
        assertEquals(DocumentKind.ONE_TIME_NOTICE, notice.kind());
        assertTrue(String.join("", notice.body()).contains(licence.name()), "the notice names the missing licence");
        assertTrue(String.join("", notice.body()).contains(form), "and the unsigned form");

        // The licence alone does not answer the notice: the unsigned form must come back too.
        cases.supplement(HANSHAN, c.number(), new SupplementRequest(List.of(licence), ActDetails.by("clerk", "A01")));
        OneStopException unanswered = assertThrows(OneStopException.class, () -> cases.accept(HANSHAN, c.number(), by("clerk")));
        assertTrue(unanswered.getMessage().contains(form), unanswered.getMessage());
        // The applicant brings it; a second notice may not flag what the first found in order.
        cases.supplement(HANSHAN, c.number(), new SupplementRequest(List.of(partial.get(0)), ActDetails.by("clerk", "A01")));
        String settled = partial.get(1).name();
        OneStopException breach = assertThrows(OneStopException.class, () -> cases.issueOneTimeNotice(HANSHAN, c.number(),
                new NoticeRequest(List.of(new MaterialProblem(settled, ProblemKind.NOT_COMPLIANT, "补充说明")), by("clerk"))));
        assertEquals(ErrorCode.INVALID, breach.code());
        assertEquals("problems", breach.field());
        Case afterBreach = cases.find(HANSHAN, c.number()).orElseThrow();
        assertEquals(CaseState.RECEIVED, afterBreach.state(), "no notice was issued");
        assertEquals(BreachRule.ONE_TIME_NOTICE, afterBreach.progress().breaches().get(0).rule());
        assertEquals(CaseAct.BREACH, afterBreach.timeline().get(afterBreach.timeline().size() - 1).act());
        assertEquals(1, afterBreach.progress().notices());

        // Accepted on 2026-09-30: 5 working days across the National Day holiday end on 2026-10-13.
        Case accepted = cases.accept(HANSHAN, c.number(), ActDetails.by("clerk", "A01"));
        assertEquals(LocalDate.of(2026, 10, 13), accepted.deadline());
        assertFalse(accepted.progress().completeAtIntake());
        assertTrue(accepted.progress().steps().get(0).completed(), "受理 is done by acceptance");
        assertEquals(LocalDate.of(2026, 9, 30), accepted.progress().steps().get(1).startedOn());
        cases.assignStep(HANSHAN, c.number(), new StepAssignment(2, "reviewer", by("chief")));

        // A site survey from Friday 10-9 (a make-up working day? no: 10-10 is) to Monday 10-12 stops the clock.
        clock.set(LocalDate.of(2026, 10, 9));
        OneStopException notListed = assertThrows(OneStopException.class, () -> cases.pause(HANSHAN, c.number(),
                new PauseRequest(SpecialProcedure.HEARING, "听证", by("reviewer"))));
        assertEquals("procedure", notListed.field());
        Case paused = cases.pause(HANSHAN, c.number(), new PauseRequest(SpecialProcedure.SITE_SURVEY, "核查经营场所", by("reviewer")));
        assertEquals(CaseState.PAUSED, paused.state());
        assertFalse(cases.clock(paused).running());
        assertThrows(OneStopException.class, () -> cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("reviewer"))));
        clock.set(LocalDate.of(2026, 10, 12));
        int pausedDays = oneStop.calendar().workingDaysBetween(HANSHAN, LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 12));
        Case resumed = cases.resume(HANSHAN, c.number(), by("reviewer"));
        assertEquals(pausedDays, resumed.progress().pauses().get(0).workingDays());
        assertEquals(oneStop.calendar().deadline(HANSHAN, LocalDate.of(2026, 9, 30), 5 + pausedDays), resumed.deadline());

        // An extension past the legal limit plus 10 days is refused; one within it needs another person's approval.
        OneStopException tooLong = assertThrows(OneStopException.class, () -> cases.requestExtension(HANSHAN, c.number(),
                new ExtensionRequest(16, "需补充检验", by("reviewer"))));
        assertEquals("days", tooLong.field());
        assertTrue(tooLong.getMessage().contains("20"), tooLong.getMessage());
        cases.requestExtension(HANSHAN, c.number(), new ExtensionRequest(5, "现场核查发现需整改", by("reviewer")));
        OneStopException self = assertThrows(OneStopException.class, () -> cases.decideExtension(HANSHAN, c.number(),
                new ExtensionDecision(true, by("reviewer"))));
        assertEquals(ErrorCode.FORBIDDEN, self.code());
        Case extended = cases.decideExtension(HANSHAN, c.number(), new ExtensionDecision(true, by("director")));
        assertEquals(oneStop.calendar().deadline(HANSHAN, LocalDate.of(2026, 9, 30), 5 + pausedDays + 5), extended.deadline());
        CaseClock clockNow = cases.clock(extended);
        assertEquals(5, clockNow.extensionDays());
        assertEquals(pausedDays, clockNow.pausedDays());

        // Deciding needs every step before the last; delivery completes the last.
        assertEquals(ErrorCode.STATE, assertThrows(OneStopException.class,
                () -> cases.decide(HANSHAN, c.number(), DecisionRequest.approve(by("reviewer")))).code());
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(2, "材料齐全，场所符合要求", by("reviewer")));
        OneStopException outOfOrder = assertThrows(OneStopException.class,
                () -> cases.completeStep(HANSHAN, c.number(), new StepCompletion(4, null, by("reviewer"))));
        assertEquals("step", outOfOrder.field());
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(3, "同意", by("director")));
        Case decided = cases.decide(HANSHAN, c.number(), new DecisionRequest(Decision.APPROVED, null, null, "JY23405220001234",
                by("director")));
        assertEquals(CaseState.DECIDED, decided.state());
        OneStopException noTracking = assertThrows(OneStopException.class, () -> cases.deliver(HANSHAN, c.number(),
                new DeliveryRequest(DeliveryMethod.MAIL, null, null, "含山县环峰镇1号", by("clerk"))));
        assertEquals("trackingNumber", noTracking.field());
        Case delivered = cases.deliver(HANSHAN, c.number(), new DeliveryRequest(DeliveryMethod.MAIL, null, "EMS1234567890CN",
                "含山县环峰镇1号", by("clerk")));
        assertTrue(delivered.progress().steps().stream().allMatch(s -> s.completed()));
        Case concluded = cases.conclude(HANSHAN, c.number(), by("clerk"));
        assertEquals(CaseState.CONCLUDED, concluded.state());
        assertEquals(LocalDate.of(2026, 10, 12), concluded.concludedOn());
        assertEquals(Light.GREEN, cases.clock(concluded).light());

        List<DocumentKind> kinds = oneStop.documents().documents(HANSHAN, c.number()).stream().map(CaseDocument::kind).toList();
        assertEquals(List.of(DocumentKind.ONE_TIME_NOTICE, DocumentKind.ACCEPTANCE, DocumentKind.SPECIAL_PROCEDURE,
                DocumentKind.EXTENSION, DocumentKind.APPROVAL, DocumentKind.DELIVERY), kinds);
        for (CaseEvent e : concluded.timeline()) {
            if (e.data().containsKey("document")) {
                assertTrue(oneStop.documents().document(HANSHAN, e.data().get("document")).isPresent(), e.toString());
            }
        }
        assertEquals(concluded.timeline(), heard.stream().filter(n -> n.caseNumber().equals(c.number()))
                .map(CaseEventNotice::event).toList(), "every event reached the listener, once, in order");
    }

    @Test
    void immediateItemIsDecidedAndConcludedOnTheSpot() {
        Case c = receive(CARD, "C03", complete(CARD));
        Case done = cases.decideOnTheSpot(HANSHAN, c.number(), DecisionRequest.approve(ActDetails.by("clerk", "C03")));
        assertEquals(CaseState.CONCLUDED, done.state());
        assertEquals(c.receivedOn(), done.concludedOn());
        assertEquals(List.of(CaseAct.RECEIVE, CaseAct.ACCEPT, CaseAct.APPROVE, CaseAct.DELIVER, CaseAct.CONCLUDE), acts(done));
        assertEquals(Light.GREEN, cases.clock(done).light());
        assertTrue(done.progress().completeAtIntake());
        assertEquals(1, done.progress().visits(), "all on one visit");

        Case promised = receive(FOOD, "A01", complete(FOOD));
        OneStopException refused = assertThrows(OneStopException.class,
                () -> cases.decideOnTheSpot(HANSHAN, promised.number(), DecisionRequest.approve(by("clerk"))));
        assertEquals(ErrorCode.STATE, refused.code());
    }

    @Test
    void jointCaseDefaultsAnAbsentDepartmentAtTheMeetingAndALateOneByTimeout() {
        Case meeting = cases.accept(HANSHAN, receive(PERMIT, "B01", complete(PERMIT)).number(), by("clerk"));
        assertEquals(List.of("resources", "hrss"), meeting.progress().subCases().stream().map(SubCase::departmentId).toList());
        SubCase first = meeting.progress().subCases().get(0);
        assertEquals(meeting.number() + "-J1", first.number());
        assertEquals(oneStop.calendar().deadline(HANSHAN, LocalDate.of(2026, 9, 30), 2), first.deadline());
        assertEquals(ErrorCode.STATE, assertThrows(OneStopException.class,
                () -> cases.decide(HANSHAN, meeting.number(), DecisionRequest.approve(by("director")))).code());

        assertTrue(cases.cases(HANSHAN, new CaseQuery(null, null, Set.of("hrss"), 50)).stream()
                .anyMatch(x -> x.number().equals(meeting.number())), "a part's department finds the joint case among its own");
        assertTrue(cases.cases(HANSHAN, new CaseQuery(null, null, Set.of("market"), 50)).stream()
                .noneMatch(x -> x.number().equals(meeting.number())), "a department with no part does not");
        Case met = cases.recordJointMeeting(HANSHAN, meeting.number(), new JointMeetingRequest(
                List.of(new JointOpinion("resources", true, "符合规划")), by("chief")));
        SubCase hrss = met.progress().subCases().get(1);
        assertEquals(SubCaseState.CONSENTED, hrss.state());
        assertEquals(ConsentRule.ABSENCE_DEFAULT, hrss.rule());
        assertEquals(List.of("hrss"), met.progress().meetings().get(0).absent());
        assertEquals(ConsentRule.ANSWERED, met.progress().subCases().get(0).rule());

        Case late = cases.accept(HANSHAN, receive(PERMIT, "B01", complete(PERMIT)).number(), by("clerk"));
        cases.answerJoint(HANSHAN, late.number(), new JointAnswer("resources", true, null, by("resources-reviewer")));
        LocalDate due = late.progress().subCases().get(1).deadline();
        assertTrue(cases.applyJointTimeouts(HANSHAN, due).isEmpty(), "not before the deadline has passed");
        clock.set(due.plusDays(1));
        List<Case> changed = cases.applyJointTimeouts(HANSHAN, due.plusDays(1));
        assertEquals(List.of(late.number()), changed.stream().map(Case::number).toList());
        SubCase timedOut = changed.get(0).progress().subCases().get(1);
        assertEquals(ConsentRule.TIMEOUT_DEFAULT, timedOut.rule());
        assertEquals("system", timedOut.answeredBy());
        assertEquals(ErrorCode.STATE, assertThrows(OneStopException.class, () -> cases.answerJoint(HANSHAN, late.number(),
                new JointAnswer("hrss", false, "不同意", by("hrss-reviewer")))).code(), "answered once only");
        assertTrue(cases.applyJointTimeouts(HANSHAN, due.plusDays(1)).isEmpty(), "a second run changes nothing");
        Case after = changed.get(0);
        assertEquals(Light.GREEN, cases.clock(after, after.progress().subCases().get(0), due).light(), "answered in time");
        assertEquals(Light.RED, cases.clock(after, timedOut, due.plusDays(1)).light(), "answered by the rule, late");
    }

    @Test
    void aTimerAndAHumanAnswerArrivingTogetherAnswerEachPartExactlyOnce() throws Exception {
        int rounds = 12;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            numbers.add(cases.accept(HANSHAN, receive(PERMIT, "B01", complete(PERMIT)).number(), by("clerk")).number());
        }
        LocalDate after = cases.find(HANSHAN, numbers.get(0)).orElseThrow().progress().subCases().get(0).deadline().plusDays(1);
        clock.set(after);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String number : numbers) {
                CountDownLatch go = new CountDownLatch(1);
                Future<?> timer = pool.submit(() -> {
                    go.await();
                    return cases.applyJointTimeouts(HANSHAN, after);
                });
                Future<String> human = pool.submit(() -> {
                    go.await();
                    try {
                        cases.answerJoint(HANSHAN, number, new JointAnswer("hrss", true, null, by("hrss-reviewer")));
                        return "answered";
                    } catch (OneStopException e) {
                        assertTrue(e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.STATE, e.toString());
                        return e.code().name();
                    }
                });
                go.countDown();
                timer.get();
                human.get();
            }
        } finally {
            pool.shutdown();
        }
        cases.applyJointTimeouts(HANSHAN, after);
        for (String number : numbers) {
            Case c = cases.find(HANSHAN, number).orElseThrow();
            assertTrue(c.progress().subCases().stream().noneMatch(p -> p.state() == SubCaseState.PENDING), "never stuck");
            long answers = c.timeline().stream().filter(e -> e.act() == CaseAct.JOINT_ANSWER
                    && "hrss".equals(e.data().get("department"))).count();
            long timeouts = c.timeline().stream().filter(e -> e.act() == CaseAct.JOINT_TIMEOUT
                    && e.data().get("departments").contains("hrss")).count();
            assertEquals(1, answers + timeouts, "hrss answered exactly once on " + number);
            cases.completeStep(HANSHAN, number, new StepCompletion(0, null, by("reviewer")));
            cases.completeStep(HANSHAN, number, new StepCompletion(0, null, by("director")));
            assertEquals(CaseState.DECIDED, cases.decide(HANSHAN, number, DecisionRequest.approve(by("director"))).state(),
                    "the case goes on");
        }
    }

    @Test
    void reportedCaseIsForwardedToTheCityAndTracked() {
        Case c = cases.accept(HANSHAN, receive(SITE, "B03", complete(SITE)).number(), by("clerk"));
        assertEquals(ErrorCode.STATE, assertThrows(OneStopException.class,
                () -> cases.decide(HANSHAN, c.number(), DecisionRequest.approve(by("director")))).code());
        Case reported = cases.report(HANSHAN, c.number(), new ReportRequest(null, by("clerk")));
        assertEquals(CaseState.REPORTED, reported.state());
        assertEquals("maanshan", reported.progress().report().toCenterId());
        Case updated = cases.updateReport(HANSHAN, c.number(), new ReportUpdate("市局已受理", "MAS-2026-0088", by("clerk")));
        assertEquals("市局已受理", updated.progress().report().status());
        assertEquals("MAS-2026-0088", updated.progress().report().reference());
        Case decided = cases.decide(HANSHAN, c.number(), DecisionRequest.approve(by("clerk")));
        List<StepProgress> steps = decided.progress().steps();
        assertTrue(steps.subList(0, steps.size() - 1).stream().allMatch(StepProgress::completed),
                "the higher level's decision closes the steps before delivery");
        cases.deliver(HANSHAN, c.number(), new DeliveryRequest(DeliveryMethod.ELECTRONIC, null, null, "wxm@example.cn", by("clerk")));
        assertEquals(CaseState.CONCLUDED, cases.conclude(HANSHAN, c.number(), by("clerk")).state());
        Case promised = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        assertEquals(ErrorCode.STATE, assertThrows(OneStopException.class,
                () -> cases.report(HANSHAN, promised.number(), new ReportRequest(null, by("clerk")))).code());
    }

    @Test
    void refusalAndDenialNameTheApplicantsRemedies() {
        Case refused = cases.refuse(HANSHAN, receive(FOOD, "A01", List.of()).number(),
                new RefusalRequest("申请事项不属于本机关职权范围", "《中华人民共和国行政许可法》第三十二条", by("clerk")));
        assertEquals(CaseState.REFUSED, refused.state());
        CaseDocument refusal = oneStop.documents().documents(HANSHAN, refused.number()).get(0);
        assertEquals(DocumentKind.REFUSAL, refusal.kind());
        assertEquals(2, refusal.remedies().size());
        assertTrue(String.join("", refusal.remedies()).contains("六十日"));

        Case c = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        OneStopException noReason = assertThrows(OneStopException.class, () -> cases.decide(HANSHAN, c.number(),
                new DecisionRequest(Decision.DENIED, null, "《食品经营许可管理办法》第十二条", null, by("director"))));
        assertEquals("reason", noReason.field());
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("reviewer")));
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("director")));
        cases.decide(HANSHAN, c.number(), new DecisionRequest(Decision.DENIED, "经营场所与许可条件不符",
                "《食品经营许可管理办法》第十二条", null, by("director")));
        CaseDocument denial = oneStop.documents().documents(HANSHAN, c.number()).get(1);
        assertEquals(DocumentKind.DENIAL, denial.kind());
        assertTrue(String.join("", denial.remedies()).contains("六个月"));
    }

    @Test
    void withdrawnCaseTakesNoFurtherActAndTheRefusalNamesTheStatesNeeded() {
        Case c = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        Case withdrawn = cases.withdraw(HANSHAN, c.number(), new WithdrawRequest("申请人申请撤回", by("clerk")));
        assertEquals(CaseState.WITHDRAWN, withdrawn.state());
        OneStopException late = assertThrows(OneStopException.class,
                () -> cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("reviewer"))));
        assertEquals(ErrorCode.STATE, late.code());
        assertTrue(late.getMessage().contains("已退回") && late.getMessage().contains("已受理"), late.getMessage());
        assertEquals(DocumentKind.WITHDRAWAL, oneStop.documents().documents(HANSHAN, c.number()).get(1).kind());
    }

    @Test
    void aCaseCompleteAtIntakeThatNeedsAThirdVisitRecordsTheBreachOfTheTwoVisitRule() {
        Case c = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        assertTrue(c.progress().completeAtIntake());
        cases.recordVisit(HANSHAN, c.number(), ActDetails.by("clerk", "A01"));
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("reviewer")));
        cases.completeStep(HANSHAN, c.number(), new StepCompletion(0, null, by("director")));
        cases.decide(HANSHAN, c.number(), DecisionRequest.approve(by("director")));
        Case delivered = cases.deliver(HANSHAN, c.number(), DeliveryRequest.atWindow(ActDetails.by("clerk", "A01")));
        assertEquals(3, delivered.progress().visits());
        assertEquals(BreachRule.TWO_VISITS, delivered.progress().breaches().get(0).rule());
        assertEquals(CaseAct.BREACH, delivered.timeline().get(delivered.timeline().size() - 1).act());

        Case other = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        cases.completeStep(HANSHAN, other.number(), new StepCompletion(0, null, by("reviewer")));
        cases.completeStep(HANSHAN, other.number(), new StepCompletion(0, null, by("director")));
        cases.decide(HANSHAN, other.number(), DecisionRequest.approve(by("director")));
        Case picked = cases.deliver(HANSHAN, other.number(), DeliveryRequest.atWindow(ActDetails.by("clerk", "A01")));
        assertEquals(2, picked.progress().visits());
        assertTrue(picked.progress().breaches().isEmpty(), "two visits keep the rule");
    }

    @Test
    void theLightTurnsYellowNearTheDeadlineAndRedAfterIt() {
        Case c = cases.accept(HANSHAN, receive(FOOD, "A01", complete(FOOD)).number(), by("clerk"));
        assertEquals(Light.GREEN, cases.clock(c, LocalDate.of(2026, 10, 9)).light());
        CaseClock nearEnd = cases.clock(c, LocalDate.of(2026, 10, 12));
        assertEquals(1, nearEnd.leftDays());
        assertEquals(Light.YELLOW, nearEnd.light());
        CaseClock over = cases.clock(c, LocalDate.of(2026, 10, 14));
        assertEquals(Light.RED, over.light());
        assertEquals(-1, over.leftDays());
        assertNull(cases.clock(receive(FOOD, "A01", complete(FOOD))).light(), "no light before acceptance");
    }

    @Test
    void twoClerksAcceptingTheSameCaseAtOnceLeaveOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Case c = receive(FOOD, "A01", complete(FOOD));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> {
                    go.await();
                    try {
                        cases.accept(HANSHAN, c.number(), by("clerk"));
                        outcomes.add("won");
                    } catch (OneStopException e) {
                        outcomes.add(e.code().name());
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            Case after = cases.find(HANSHAN, c.number()).orElseThrow();
            assertEquals(1, after.timeline().stream().filter(e -> e.act() == CaseAct.ACCEPT).count());
            assertNotNull(after.deadline());
        }
    }
}
