package org.onestop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseQuery;

/** A process killed with SIGKILL in the middle of its acts leaves only whole cases behind. */
class CrashSafetyTest {

    @Test
    void killMinusNineLeavesNoHalfWrittenCase(@TempDir Path data) throws Exception {
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dderby.stream.error.file=" + data.resolve("derby.log"),
                CrashWorker.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int received = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // Kill it once it is well into its loop, whatever act it is in at that moment.
            while ((line = out.readLine()) != null && received < 60) {
                if (!line.equals("ready")) {
                    received++;
                }
            }
            worker.destroyForcibly();
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker died");
        } finally {
            worker.destroyForcibly();
        }
        assertEquals(60, received, "the worker got going before it was killed");

        try (OneStop oneStop = OneStop.builder().dataDir(data).discoverPlugins(false).build()) {
            List<Case> cases = oneStop.cases().cases(TestCatalog.CENTER, new CaseQuery(null, null, 500));
            assertTrue(cases.size() >= 60, "every case reported as received was committed: " + cases.size());
            for (Case listed : cases) {
                Case c = oneStop.cases().find(TestCatalog.CENTER, listed.number()).orElseThrow();
                // One event per act: acceptance completes the first step, each further step is one act.
                int expectedEvents = switch (c.state()) {
                    case RECEIVED -> 1;
                    case ACCEPTED -> 1 + (int) c.progress().steps().stream().filter(s -> s.completed()).count();
                    case DECIDED -> 4;
                    case DELIVERED -> 5;
                    case CONCLUDED -> 6;
                    default -> throw new AssertionError(c.number() + " reached a state the worker never asks for: " + c.state());
                };
                assertEquals(expectedEvents, c.timeline().size(), c.number() + " in state " + c.state());
                assertEquals(c.timeline().size(), c.revision(), c.number() + " revision matches its timeline");
                assertEquals(c.state() == org.onestop.api.cases.CaseState.RECEIVED, c.deadline() == null, c.number());
            }
        }
    }
}
