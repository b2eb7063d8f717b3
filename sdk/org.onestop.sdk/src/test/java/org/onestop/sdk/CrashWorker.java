package org.onestop.sdk;

import java.nio.file.Path;
import java.time.LocalDate;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Case;

/**
 * Run in a child JVM by {@link CrashSafetyTest}: receives, accepts and concludes cases without end,
 * printing each number once received, until it is killed.
 */
public final class CrashWorker {

    private CrashWorker() {
    }

    public static void main(String[] args) {
        OneStop oneStop = OneStop.builder().dataDir(Path.of(args[0])).discoverPlugins(false)
                .clock(new MutableClock(LocalDate.of(2026, 9, 30))).build();
        oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(5, 20)));
        System.out.println("ready");
        while (true) {
            Case c = oneStop.cases().receive(TestCatalog.CENTER, OneStopTest.request(OneStopTest.PERSON_ID));
            System.out.println(c.number());
            oneStop.cases().accept(TestCatalog.CENTER, c.number(), ActDetails.by("clerk1", null));
            oneStop.cases().conclude(TestCatalog.CENTER, c.number(), ActDetails.by("clerk1", null));
        }
    }
}
