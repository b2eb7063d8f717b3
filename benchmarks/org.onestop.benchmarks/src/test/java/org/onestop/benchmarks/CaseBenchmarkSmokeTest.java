package org.onestop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The harness runs a handful of cases on both engines, with one and two threads, and every case
 * completes: each act ends where it should, and each engine records every case as finished. It times
 * nothing: the figures are the program's to print, not a test's to assert.
 */
class CaseBenchmarkSmokeTest {

    private static final int CASES = 3;

    @TempDir
    Path dir;

    @Test
    void everyEngineTakesAHandfulOfCasesThroughEveryAct() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CaseBenchmark.Options options = new CaseBenchmark.Options(0, 0, 0, CASES, List.of(1, 2), false, dir);
        List<Measurement> results = CaseBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(6, results.size(), "OneStop and Flowable with two processes, at 1 and 2 threads");
        for (Measurement m : results) {
            assertNull(m.failure(), m.label());
            assertEquals((long) CASES * m.threads(), m.cases(), m.label() + ", " + m.threads() + " threads");
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("OneStop acts per case:  receive, accept"), report);
        assertTrue(report.contains("Ratios, OneStop ÷ Flowable"), report);
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the data folder is deleted");
        }
    }

    @Test
    void theOneStopActsAreThoseOfTheFullPathInOrder() {
        List<String> acts = OneStopFlow.actNames();
        assertEquals(CaseFlow.FULL_PATH.stream().filter(acts::contains).toList(), acts);
        assertEquals(CaseFlow.FULL_PATH.size(), acts.size() + OneStopFlow.missingActs().size());
    }
}
