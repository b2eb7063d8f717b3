package org.onestop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
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
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.ImportReport;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.plugin.CaseEventNotice;

class OneStopTest {

    /** A real resident ID with a correct GB 11643 check character (the standard's own example). */
    static final String PERSON_ID = "11010519491231002X";

    @TempDir
    Path data;

    MutableClock clock = new MutableClock(LocalDate.of(2026, 9, 30));
    List<CaseEventNotice> heard = new ArrayList<>();
    OneStop oneStop;

    @BeforeEach
    void start() {
        oneStop = open();
        oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(5, 20)));
    }

    OneStop open() {
        return OneStop.builder().dataDir(data).clock(clock).listener(new org.onestop.api.plugin.CaseListener() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public void onCaseEvent(CaseEventNotice notice) {
                heard.add(notice);
            }
        }).build();
    }

    @AfterEach
    void stop() {
        oneStop.close();
    }

    static ReceiveRequest request(String idNumber) {
        return new ReceiveRequest(TestCatalog.ITEM, new Applicant(ApplicantType.PERSON, "张三", idNumber, "13912345678"),
                Channel.WINDOW, List.of(new SubmittedMaterial("食品经营许可申请书", MaterialForm.ORIGINAL, 1)),
                ActDetails.by("clerk1", "A01"));
    }

    @Test
    void noOsgiClassIsOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.osgi.framework.BundleContext"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.osgi.service.component.annotations.Component"));
    }

    @Test
    void todayIsTheDateInTheClocksTimeZone(@TempDir Path other) {
        // 18:00 in Greenwich is already the next day in Beijing: "today" is the configured zone's.
        Instant evening = Instant.parse("2026-10-14T18:00:00Z");
        try (OneStop beijing = OneStop.builder().dataDir(other.resolve("beijing"))
                        .clock(Clock.fixed(evening, ZoneId.of("Asia/Shanghai"))).discoverPlugins(false).build();
                OneStop greenwich = OneStop.builder().dataDir(other.resolve("greenwich"))
                        .clock(Clock.fixed(evening, ZoneOffset.UTC)).discoverPlugins(false).build()) {
            assertEquals(LocalDate.of(2026, 10, 15), beijing.cases().today());
            assertEquals(LocalDate.of(2026, 10, 14), greenwich.cases().today());
        }
    }

    @Test
    void caseRunsFromReceiptToConclusionOnTheHolidayCalendar() {
        Case received = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        assertEquals("340522-20260930-0001", received.number());
        assertEquals(CaseState.RECEIVED, received.state());
        assertEquals(1, received.itemVersion());
        assertTrue(received.queryCode().matches("[2-9A-HJ-NP-Z]{8}"), received.queryCode());

        Case accepted = oneStop.cases().accept(TestCatalog.CENTER, received.number(), ActDetails.by("clerk1", "A01"));
        // Accepted on Wednesday 2026-09-30 with 5 working days: 10-01..07 are the National Day holiday,
        // 10-08 (Thu), 10-09 (Fri), 10-10 (Saturday made a working day), 10-12 (Mon), 10-13 (Tue).
        assertEquals(LocalDate.of(2026, 10, 13), accepted.deadline());
        assertEquals(CaseState.ACCEPTED, accepted.state());

        clock.set(LocalDate.of(2026, 10, 12));
        CaseClock running = oneStop.cases().clock(accepted, LocalDate.of(2026, 10, 12));
        assertEquals(4, running.usedDays());
        assertEquals(1, running.leftDays());
        assertEquals(Light.YELLOW, running.light());
        assertEquals(Light.RED, oneStop.cases().clock(accepted, LocalDate.of(2026, 10, 14)).light());
        assertEquals(Light.GREEN, oneStop.cases().clock(accepted, LocalDate.of(2026, 10, 8)).light());

        ActDetails chief = ActDetails.by("chief", null);
        oneStop.cases().completeStep(TestCatalog.CENTER, received.number(), new StepCompletion(2, "同意", chief));
        oneStop.cases().decide(TestCatalog.CENTER, received.number(), DecisionRequest.approve(chief));
        oneStop.cases().deliver(TestCatalog.CENTER, received.number(), DeliveryRequest.atWindow(ActDetails.by("clerk1", "A01")));
        Case concluded = oneStop.cases().conclude(TestCatalog.CENTER, received.number(), chief);
        assertEquals(CaseState.CONCLUDED, concluded.state());
        assertEquals(LocalDate.of(2026, 10, 12), concluded.concludedOn());
        List<CaseAct> acts = List.of(CaseAct.RECEIVE, CaseAct.ACCEPT, CaseAct.COMPLETE_STEP, CaseAct.APPROVE, CaseAct.DELIVER,
                CaseAct.CONCLUDE);
        assertEquals(acts, concluded.timeline().stream().map(CaseEvent::act).toList());
        assertEquals(Light.GREEN, oneStop.cases().clock(concluded, LocalDate.of(2026, 11, 1)).light());

        assertEquals(acts, heard.stream().map(n -> n.event().act()).toList());
        assertEquals(CaseState.CONCLUDED, heard.get(acts.size() - 1).stateAfter());
    }

    @Test
    void casesSurviveARestartWithTheirTimeline() {
        Case received = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        oneStop.cases().accept(TestCatalog.CENTER, received.number(), ActDetails.by("clerk1", "A01"));
        oneStop.close();
        oneStop = open();
        Case again = oneStop.cases().find(TestCatalog.CENTER, received.number()).orElseThrow();
        assertEquals(CaseState.ACCEPTED, again.state());
        assertEquals(2, again.timeline().size());
        assertEquals(PERSON_ID, again.applicant().idNumber());
        assertEquals("340522-20260930-0002",
                oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID)).number(), "the daily sequence goes on");
        assertFalse(Files.exists(Path.of("derby.log")), "Derby writes no log into the working folder");
    }

    @Test
    void badApplicantIdIsRefusedNamingTheFieldAndNothingIsStored() {
        OneStopException e = assertThrows(OneStopException.class,
                () -> oneStop.cases().receive(TestCatalog.CENTER, request("110105194912310021")));
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals("applicant.idNumber", e.field());
        assertTrue(e.getMessage().contains("校验码"), e.getMessage());
        assertTrue(oneStop.cases().cases(TestCatalog.CENTER, new CaseQuery(null, null, 0)).isEmpty());
        assertTrue(heard.isEmpty());
    }

    @Test
    void actsAreCheckedAgainstTheState() {
        Case received = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        OneStopException e = assertThrows(OneStopException.class,
                () -> oneStop.cases().conclude(TestCatalog.CENTER, received.number(), ActDetails.by("x", null)));
        assertEquals(ErrorCode.STATE, e.code());
        assertTrue(e.getMessage().contains("办结需要状态“已送达”"), "names the act and the state it needs: " + e.getMessage());
        OneStopException missing = assertThrows(OneStopException.class,
                () -> oneStop.cases().accept(TestCatalog.CENTER, "340522-20260930-9999", ActDetails.by("x", null)));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        OneStopException noActor = assertThrows(OneStopException.class,
                () -> oneStop.cases().accept(TestCatalog.CENTER, received.number(), ActDetails.by(" ", null)));
        assertEquals("actor", noActor.field());
        OneStopException future = assertThrows(OneStopException.class, () -> oneStop.cases().accept(TestCatalog.CENTER,
                received.number(), new ActDetails("clerk1", null, null, LocalDate.of(2026, 10, 1))));
        assertEquals("on", future.field());
    }

    @Test
    void aWindowMustBeOneOfTheDepartmentsCounters() {
        ReceiveRequest elsewhere = new ReceiveRequest(TestCatalog.ITEM, request(PERSON_ID).applicant(), Channel.WINDOW,
                List.of(), ActDetails.by("clerk1", "Z99"));
        OneStopException e = assertThrows(OneStopException.class, () -> oneStop.cases().receive(TestCatalog.CENTER, elsewhere));
        assertEquals("act.window", e.field());
        assertTrue(e.getMessage().contains("A01"), "names the department's windows: " + e.getMessage());
        Case received = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        assertEquals("window", assertThrows(OneStopException.class, () -> oneStop.cases().accept(TestCatalog.CENTER,
                received.number(), ActDetails.by("clerk1", "<b>x</b>"))).field());
    }

    @Test
    void twoClerksAcceptingAtOnceGiveOneAcceptance() throws Exception {
        Case received = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String clerk : List.of("clerk1", "clerk2")) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return oneStop.cases().accept(TestCatalog.CENTER, received.number(), ActDetails.by(clerk, null));
                    } catch (OneStopException e) {
                        return e;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Object> result : results) {
                Object outcome = result.get();
                if (outcome instanceof Case) {
                    accepted++;
                } else {
                    ErrorCode code = ((OneStopException) outcome).code();
                    assertTrue(code == ErrorCode.CONFLICT || code == ErrorCode.STATE, "refused as " + code);
                }
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
        Case stored = oneStop.cases().find(TestCatalog.CENTER, received.number()).orElseThrow();
        assertEquals(2, stored.timeline().size());
        assertEquals(2, stored.revision());
    }

    @Test
    void twoFirstReceiptsOfADayAtOnceGetTwoNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int day = 1; day <= 10; day++) {
                clock.set(LocalDate.of(2026, 11, day));
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<Case>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
                    }));
                }
                String date = String.format("202611%02d", day);
                assertEquals(java.util.Set.of("340522-" + date + "-0001", "340522-" + date + "-0002"),
                        java.util.Set.of(results.get(0).get().number(), results.get(1).get().number()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCaseKeepsTheItemVersionInForceWhenItWasReceived() {
        Case before = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        clock.set(LocalDate.of(2026, 10, 8));
        ImportReport report = oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(3, 20)));
        assertEquals(1, report.itemVersionsAdded());
        Item v2 = oneStop.catalog().item(TestCatalog.CENTER, TestCatalog.ITEM).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(LocalDate.of(2026, 10, 8), v2.effectiveFrom(), "a change applies from the day it is made");

        Case accepted = oneStop.cases().accept(TestCatalog.CENTER, before.number(), ActDetails.by("clerk1", null));
        assertEquals(1, accepted.itemVersion());
        // Still the 5-day limit of version 1, counted from Thursday 2026-10-08: 10-09, 10-10 (a Saturday
        // made a working day), 10-12, 10-13, 10-14.
        assertEquals(LocalDate.of(2026, 10, 14), accepted.deadline());
        Case after = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        assertEquals(2, after.itemVersion());
        assertEquals(1, oneStop.catalog().itemInForce(TestCatalog.CENTER, TestCatalog.ITEM, LocalDate.of(2026, 9, 30))
                .orElseThrow().version());
        assertEquals(0, oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(3, 20))).itemVersionsAdded(),
                "importing the same file again changes nothing");
    }

    @Test
    void aBadCatalogIsRefusedWholeNamingTheField() {
        OneStopException e = assertThrows(OneStopException.class,
                () -> oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(5, 20), badItem())));
        assertEquals("items[1].promisedLimitDays", e.field());
        assertTrue(e.getMessage().contains("不能超过法定时限"), e.getMessage());
        assertEquals(1, oneStop.catalog().items(TestCatalog.CENTER, null).size());
        assertEquals(1, oneStop.catalog().itemHistory(TestCatalog.CENTER, TestCatalog.ITEM).size());
    }

    private static Item badItem() {
        Item ok = TestCatalog.item(30, 20);
        return new Item("T-SCJG-002", 1, ok.effectiveFrom(), "超时限事项", ok.kind(), ok.departmentId(), ok.legalBases(),
                ok.handlingType(), ok.legalLimitDays(), ok.promisedLimitDays(), ok.acceptanceConditions(), ok.materials(),
                ok.steps(), ok.specialProcedures(), ok.feeCodes(), ok.result(), ok.location(), ok.consultationPhone(),
                ok.complaintPhone());
    }

    @Test
    void casesAreListedByDepartment() {
        Case c = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        assertEquals(List.of(c.number()), oneStop.cases().cases(TestCatalog.CENTER,
                new CaseQuery(null, null, java.util.Set.of("market", "housing"), 0)).stream().map(Case::number).toList());
        assertTrue(oneStop.cases().cases(TestCatalog.CENTER, new CaseQuery(null, null, java.util.Set.of("housing"), 0))
                .isEmpty());
        assertTrue(oneStop.cases().cases(TestCatalog.CENTER, new CaseQuery(null, null, java.util.Set.of(), 0)).isEmpty());
    }

    @Test
    void pluginsOnTheClassPathAreFoundWithServiceLoader() {
        assertTrue(oneStop.plugins().plugins().stream().anyMatch(p -> p.id().equals("counting")),
                oneStop.plugins().plugins().toString());
        CountingListener.HEARD.clear();
        oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        assertEquals(1, CountingListener.HEARD.size());
    }

    @Test
    void publicViewsMaskPersonalData() {
        Case c = oneStop.cases().receive(TestCatalog.CENTER, request(PERSON_ID));
        Applicant shown = c.applicant().masked();
        assertEquals("110105********002X", shown.idNumber());
        assertEquals("139****5678", shown.phone());
        assertEquals("张*", shown.name());
        assertFalse(shown.toString().contains(PERSON_ID));
        assertNull(oneStop.catalog().center("nowhere").orElse(null));
        assertNotNull(oneStop.calendar().schedule(2026).orElse(null));
    }
}
