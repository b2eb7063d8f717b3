package org.onestop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.StepProgress;

/**
 * The harness runs a handful of cases on every engine, with one and two threads, and every case goes
 * through the whole path: each act ends where it should, and each engine's own records show every case
 * finished with the expected timeline. It times nothing: the figures are the program's to print, not a
 * test's to assert.
 */
class CaseBenchmarkSmokeTest {

    private static final int CASES = 3;

    /** What every OneStop case's timeline holds at the end, one event per act. */
    private static final List<CaseAct> TIMELINE = List.of(CaseAct.RECEIVE, CaseAct.ACCEPT, CaseAct.COMPLETE_STEP,
            CaseAct.COMPLETE_STEP, CaseAct.COMPLETE_STEP, CaseAct.APPROVE, CaseAct.DELIVER, CaseAct.CONCLUDE);

    @TempDir
    Path dir;

    @Test
    void everyEngineTakesAHandfulOfCasesThroughEveryAct() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CaseBenchmark.Options options = new CaseBenchmark.Options(0, 0, 0, 0, CASES, List.of(1, 2), true, dir);
        List<Measurement> results = CaseBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertEquals(6, results.size(), "OneStop with both durabilities and Flowable, at 1 and 2 threads");
        for (Measurement m : results) {
            assertNull(m.failure(), m.label() + ": " + report);
            assertEquals((long) CASES * m.threads(), m.cases(), m.label() + ", " + m.threads() + " threads");
            assertEquals(CaseFlow.FULL_PATH, m.acts(), m.label());
        }
        assertTrue(report.contains("Per case  8 acts: receive, accept, step1, step2, step3, approve, deliver, conclude"),
                report);
        assertTrue(report.contains("OneStop (default durability) ÷ Flowable"), report);
        assertTrue(report.contains("durability=test ÷ default"), report);
        assertTrue(report.contains("Issue 5's bar"), report);
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the data folder is deleted");
        }
    }

    @Test
    void theOneStopActsAreThoseOfTheFullPathInOrder() {
        assertEquals(CaseFlow.FULL_PATH, OneStopFlow.actNames());
        assertEquals(TIMELINE, OneStopFlow.TIMELINE);
    }

    @Test
    void everyOneStopCaseIsStoredConcludedWithItsWholeTimeline() {
        try (OneStopFlow flow = new OneStopFlow(dir.resolve("derby"), false)) {
            for (int i = 0; i < CASES; i++) {
                flow.runCase();
            }
            List<Case> listed = flow.cases().cases(BenchmarkCatalog.CENTER, new CaseQuery(null, null, 50));
            assertEquals(CASES, listed.size());
            for (Case l : listed) {
                Case c = flow.cases().find(BenchmarkCatalog.CENTER, l.number()).orElseThrow();
                assertEquals(CaseState.CONCLUDED, c.state(), c.number());
                assertEquals(TIMELINE, c.timeline().stream().map(CaseEvent::act).toList(), c.number());
                assertEquals(List.of("受理", "审查", "核查", "决定", "送达"),
                        c.progress().steps().stream().map(StepProgress::name).toList());
                assertTrue(c.progress().steps().stream().allMatch(StepProgress::completed), c.number());
                assertEquals(Decision.APPROVED, c.progress().decision());
                assertNotNull(c.progress().delivery());
                assertNotNull(c.concludedOn());
            }
            assertEquals(List.of(), flow.audit());
        }
    }

    @Test
    void everyFlowableInstanceEndsAfterTheEightUserTasks() {
        try (FlowableEngine flowable = new FlowableEngine()) {
            for (int i = 0; i < CASES; i++) {
                flowable.runCase();
            }
            assertEquals(CASES, flowable.finishedCases());
            assertEquals(List.of(), flowable.audit());
        }
    }
}
