package org.onestop.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.StepProgress;
import org.onestop.sdk.OneStop;

/**
 * A promised case through the OneStop SDK over embedded Derby in a fresh folder, act after act: receive,
 * accept, three steps, approve, deliver, conclude. Derby keeps its default durability (every commit forced
 * to disk) unless the flow is opened with {@code derby.system.durability=test}, which is only ever shown
 * beside the default, never instead of it.
 */
final class OneStopFlow implements CaseFlow, AutoCloseable {

    static final String DURABILITY = "derby.system.durability";

    /** A real resident ID with a correct GB 11643 check character; every case uses it. */
    static final String APPLICANT_ID = "11010519491231002X";

    private static final ActDetails CLERK = ActDetails.by("clerk1", "A01");
    private static final ActDetails REVIEWER = ActDetails.by("reviewer1", null);
    private static final ActDetails CHIEF = ActDetails.by("chief", null);

    /**
     * One act on a received case, by number; {@code event} is what it adds to the timeline, {@code run}
     * returns the case as the act left it.
     */
    private record Act(String name, CaseAct event, BiFunction<CaseService, String, Case> run) {
    }

    /** The acts after receipt, in order, named as in {@link CaseFlow#FULL_PATH}. */
    private static final List<Act> AFTER_RECEIPT = List.of(
            new Act("accept", CaseAct.ACCEPT, (cases, number) -> cases.accept(BenchmarkCatalog.CENTER, number, CLERK)),
            new Act("step1", CaseAct.COMPLETE_STEP, OneStopFlow::completeStep),
            new Act("step2", CaseAct.COMPLETE_STEP, OneStopFlow::completeStep),
            new Act("step3", CaseAct.COMPLETE_STEP, OneStopFlow::completeStep),
            new Act("approve", CaseAct.APPROVE,
                    (cases, number) -> cases.decide(BenchmarkCatalog.CENTER, number, DecisionRequest.approve(CHIEF))),
            new Act("deliver", CaseAct.DELIVER,
                    (cases, number) -> cases.deliver(BenchmarkCatalog.CENTER, number, DeliveryRequest.atWindow(CLERK))),
            new Act("conclude", CaseAct.CONCLUDE, (cases, number) -> cases.conclude(BenchmarkCatalog.CENTER, number, CHIEF)));

    /** The timeline every case must end with: one event per act, nothing else. */
    static final List<CaseAct> TIMELINE = timeline();

    /** A Monday that is a working day, so that every act of a case falls on one working day. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final OneStop oneStop;
    private final CaseService cases;
    private final ReceiveRequest request;
    private final boolean durabilityTest;
    /** The number of every case received, for {@link #audit()}. */
    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    /**
     * Opens OneStop in {@code dataDir}, which must not hold a database yet, and imports the catalog. With
     * {@code durabilityTest}, {@value #DURABILITY} is {@code test} while this flow's database boots and is
     * put back at once: Derby reads it when it boots a database (LogToFile.boot, BaseDataFileFactory.boot)
     * and keeps it for that database, so the other databases of the run keep the default.
     */
    OneStopFlow(Path dataDir, boolean durabilityTest) {
        this.durabilityTest = durabilityTest;
        String before = System.getProperty(DURABILITY);
        if (before != null) {
            throw new IllegalStateException(DURABILITY + "=" + before
                    + " is set: the headline figures are for Derby's default durability; unset it");
        }
        if (durabilityTest) {
            System.setProperty(DURABILITY, "test");
        }
        try {
            this.oneStop = OneStop.builder().dataDir(dataDir).clock(CLOCK).discoverPlugins(false).build();
        } finally {
            System.clearProperty(DURABILITY);
        }
        this.cases = oneStop.cases();
        this.request = new ReceiveRequest(BenchmarkCatalog.ITEM,
                new Applicant(ApplicantType.PERSON, "张三", APPLICANT_ID, "13912345678"), Channel.WINDOW,
                BenchmarkCatalog.submitted(), CLERK);
        try {
            oneStop.catalog().importCatalog(BenchmarkCatalog.document());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Case completeStep(CaseService cases, String number) {
        return cases.completeStep(BenchmarkCatalog.CENTER, number, new StepCompletion(0, "同意", REVIEWER));
    }

    /** The acts one case goes through, receipt first. */
    static List<String> actNames() {
        List<String> names = new ArrayList<>();
        names.add("receive");
        AFTER_RECEIPT.forEach(a -> names.add(a.name()));
        return names;
    }

    private static List<CaseAct> timeline() {
        List<CaseAct> acts = new ArrayList<>();
        acts.add(CaseAct.RECEIVE);
        AFTER_RECEIPT.forEach(a -> acts.add(a.event()));
        return List.copyOf(acts);
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
        received.add(c.number());
        for (Act act : AFTER_RECEIPT) {
            c = act.run().apply(cases, c.number());
        }
        String problem = problem(c);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * What is wrong with a case that went through every act, or null: it must be concluded with exactly one
     * event per act, numbered from 1, every step completed, an approval and a delivery at the window.
     */
    static String problem(Case c) {
        List<CaseAct> acts = c.timeline().stream().map(CaseEvent::act).toList();
        CaseProgress p = c.progress();
        boolean numbered = true;
        for (int i = 0; i < c.timeline().size(); i++) {
            numbered &= c.timeline().get(i).sequence() == i + 1;
        }
        boolean complete = c.state() == CaseState.CONCLUDED && c.concludedOn() != null && acts.equals(TIMELINE) && numbered
                && p.steps().size() == BenchmarkCatalog.STEPS.size() && p.steps().stream().allMatch(StepProgress::completed)
                && p.decision() == Decision.APPROVED && p.delivery() != null
                && p.delivery().method() == DeliveryMethod.WINDOW;
        return complete ? null : "case " + c.number() + " ended " + c.state() + " after " + acts + ", steps "
                + p.steps().stream().map(s -> s.name() + (s.completed() ? " done" : " open")).toList() + ", decision "
                + p.decision() + ", delivery " + p.delivery();
    }

    /** Every case this flow received, read again by its number from the store. */
    @Override
    public List<String> audit() {
        List<String> problems = new ArrayList<>();
        for (String number : received) {
            Optional<Case> stored = cases.find(BenchmarkCatalog.CENTER, number);
            String problem = stored.isEmpty() ? "case " + number + " is not found" : problem(stored.get());
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Read from the case list, which gives at most 500 cases: -1 from 500 on. */
    @Override
    public long finishedCases() {
        int listed = cases.cases(BenchmarkCatalog.CENTER, new CaseQuery(CaseState.CONCLUDED, null, 500)).size();
        return listed < 500 ? listed : -1;
    }

    /** The SDK's case service, for the smoke test to read cases back. */
    CaseService cases() {
        return cases;
    }

    @Override
    public void close() {
        oneStop.close();
    }
}
