package org.onestop.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.sdk.OneStop;

/**
 * A promised case through the OneStop SDK over embedded Derby in a fresh folder. Derby keeps its
 * default durability (every commit forced to disk) unless the measurement asks for
 * {@code derby.system.durability=test}, which is only ever shown beside the default, never instead of it.
 */
final class OneStopFlow implements CaseFlow, AutoCloseable {

    static final String DURABILITY = "derby.system.durability";

    /** A real resident ID with a correct GB 11643 check character; every case uses it. */
    static final String APPLICANT_ID = "11010519491231002X";

    private static final ActDetails CLERK = ActDetails.by("clerk1", "A01");
    private static final ActDetails CHIEF = ActDetails.by("chief", null);

    /** One act on a received case, by number; returns the case as the act left it. */
    private record Act(String name, BiFunction<CaseService, String, Case> run) {
    }

    /**
     * The acts after receipt, in order, named as in {@link CaseFlow#FULL_PATH}. As issue 5 adds the
     * others to the engine, each is one more line here, for example
     * {@code new Act("approve", (cases, number) -> cases.approve(CENTER, number, CHIEF))}.
     */
    private static final List<Act> AFTER_RECEIPT = List.of(
            new Act("accept", (cases, number) -> cases.accept(BenchmarkCatalog.CENTER, number, CLERK)),
            new Act("conclude", (cases, number) -> cases.conclude(BenchmarkCatalog.CENTER, number, CHIEF)));

    /** A Monday that is a working day, so that every act of a case falls on one working day. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final OneStop oneStop;
    private final CaseService cases;
    private final ReceiveRequest request;
    private final boolean durabilityTest;
    private final String durabilityBefore;

    /** Opens OneStop in {@code dataDir}, which must not hold a database yet, and imports the catalog. */
    OneStopFlow(Path dataDir, boolean durabilityTest) {
        this.durabilityTest = durabilityTest;
        this.durabilityBefore = System.getProperty(DURABILITY);
        if (durabilityTest) {
            System.setProperty(DURABILITY, "test");
        } else if (durabilityBefore != null) {
            throw new IllegalStateException(DURABILITY + "=" + durabilityBefore
                    + " is set: the headline figures are for Derby's default durability; unset it");
        }
        try {
            this.oneStop = OneStop.builder().dataDir(dataDir).clock(CLOCK).discoverPlugins(false).build();
        } finally {
            // Derby reads the setting when it boots a database (LogToFile.boot, BaseDataFileFactory.boot) and keeps
            // it for that database, so the other databases of the run keep the default.
            restoreDurability();
        }
        this.cases = oneStop.cases();
        this.request = new ReceiveRequest(BenchmarkCatalog.ITEM,
                new Applicant(ApplicantType.PERSON, "张三", APPLICANT_ID, "13912345678"), Channel.WINDOW,
                List.of(new SubmittedMaterial(BenchmarkCatalog.MATERIAL, MaterialForm.ORIGINAL, 1)), CLERK);
        try {
            oneStop.catalog().importCatalog(BenchmarkCatalog.document());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The acts of the full path the engine does not have yet, in order. */
    static List<String> missingActs() {
        List<String> missing = new ArrayList<>(FULL_PATH);
        missing.removeAll(actNames());
        return missing;
    }

    /** The acts one case goes through today, receipt first. */
    static List<String> actNames() {
        List<String> names = new ArrayList<>();
        names.add("receive");
        AFTER_RECEIPT.forEach(a -> names.add(a.name()));
        return names;
    }

    @Override
    public String label() {
        return durabilityTest ? "OneStop SDK, Derby durability=test" : "OneStop SDK, Derby (default durability)";
    }

    @Override
    public List<String> acts() {
        return actNames();
    }

    @Override
    public void runCase() {
        Case c = cases.receive(BenchmarkCatalog.CENTER, request);
        for (Act act : AFTER_RECEIPT) {
            c = act.run().apply(cases, c.number());
        }
        if (c.state() != CaseState.CONCLUDED || c.timeline().size() != AFTER_RECEIPT.size() + 1) {
            throw new IllegalStateException("case " + c.number() + " ended " + c.state() + " after "
                    + c.timeline().stream().map(CaseEvent::act).toList());
        }
    }

    /** Read from the case list, which gives at most 500 cases: -1 from 500 on. */
    @Override
    public long finishedCases() {
        int listed = cases.cases(BenchmarkCatalog.CENTER, new CaseQuery(CaseState.CONCLUDED, null, 500)).size();
        return listed < 500 ? listed : -1;
    }

    @Override
    public void close() {
        oneStop.close();
    }

    private void restoreDurability() {
        if (durabilityBefore == null) {
            System.clearProperty(DURABILITY);
        } else {
            System.setProperty(DURABILITY, durabilityBefore);
        }
    }
}
