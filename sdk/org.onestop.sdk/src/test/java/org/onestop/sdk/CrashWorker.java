package org.onestop.sdk;

import java.nio.file.Path;
import java.time.LocalDate;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.StepCompletion;

/**
 * Run in a child JVM by {@link CrashSafetyTest}: receives cases and takes each through acceptance, a step, the decision, delivery and conclusion, without end,
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
            ActDetails clerk = ActDetails.by("clerk1", null);
            oneStop.cases().accept(TestCatalog.CENTER, c.number(), clerk);
            oneStop.cases().completeStep(TestCatalog.CENTER, c.number(), new StepCompletion(0, "同意", clerk));
            oneStop.cases().decide(TestCatalog.CENTER, c.number(), DecisionRequest.approve(clerk));
            oneStop.cases().deliver(TestCatalog.CENTER, c.number(), DeliveryRequest.atWindow(clerk));
            oneStop.cases().conclude(TestCatalog.CENTER, c.number(), clerk);
        }
    }
}
