package org.onestop.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onestop.api.catalog.ProcedureStep;

/**
 * Issue 5's benchmark, a program that prints figures (never a timed test): complete cases per second
 * through a promised case's full path (receive, accept, three steps, approve, deliver, conclude), on the
 * OneStop SDK over embedded Derby, with Derby's default durability and with
 * {@code derby.system.durability=test}, and on Flowable 8 over in-memory H2 with the same path as user
 * tasks, single-threaded and with more threads, and their ratios.
 *
 * <pre>
 * mvn -q -Dmaven.test.skip=true -Pbenchmark -pl benchmarks/org.onestop.benchmarks -am verify -Dexec.args="--seconds 20"
 * </pre>
 *
 * Options (defaults in brackets): {@code --seconds N} timed seconds per engine and thread count [20];
 * {@code --warmup N} warm-up of each engine, one thread, before any timing: at least N seconds [15] and at
 * least {@code --warmup-cases N} cases [3000], but no more than {@value #MAX_WARMUP_SECONDS} seconds (Flowable
 * takes some 2,000 to 3,000 cases of the full path before its rate settles: the JIT); {@code --slice N} the timed
 * seconds run in rounds of slices this long, every engine in turn [5]; {@code --threads 1,2} [1,2];
 * {@code --durable-only} leaves out the second OneStop engine, whose database boots with
 * {@code derby.system.durability=test} (commits not forced to disk: like Flowable's in-memory H2, nothing
 * survives a power cut); {@code --dir PATH} where the temporary data folder goes [the system's temporary
 * folder]; {@code --cases N} N cases per engine and thread count instead of timing, each read back.
 */
public final class CaseBenchmark {

    /**
     * How the benchmark runs. The timed {@code seconds} of each engine and thread count are cut into slices
     * of about {@code sliceSeconds}, run in rounds that take every engine in turn, so that a change in the
     * machine's load falls on all engines alike. {@code casesPerThread} above 0 replaces the warm-up and
     * the timed window with that many cases (the smoke test). {@code durabilityTest} adds the OneStop engine
     * whose database boots with {@code derby.system.durability=test}.
     */
    record Options(double warmupSeconds, int warmupCases, double seconds, double sliceSeconds, int casesPerThread,
            List<Integer> threads, boolean durabilityTest, Path dir) {

        static Options parse(String... args) {
            // Flowable's rate settles only after some 2,000 to 3,000 cases of the full path: the JIT.
            double warmup = 15;
            int warmupCases = 3000;
            double seconds = 20;
            double slice = 5;
            List<Integer> threads = List.of(1, 2);
            int cases = 0;
            boolean durabilityTest = true;
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                    case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                    case "--warmup-cases" -> warmupCases = Integer.parseInt(value(args, ++i));
                    case "--slice" -> slice = Double.parseDouble(value(args, ++i));
                    case "--cases" -> cases = Integer.parseInt(value(args, ++i));
                    case "--threads" -> threads = Stream.of(value(args, ++i).split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--durable-only" -> durabilityTest = false;
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --seconds N --warmup N --warmup-cases N --slice N --threads 1,2 --durable-only --dir PATH --cases N");
                }
            }
            return new Options(warmup, warmupCases, seconds, slice, cases, threads, durabilityTest, dir);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /** The longest warm-up of one engine, whatever the case count asks. */
    static final double MAX_WARMUP_SECONDS = 90;

    private CaseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Measurement> results = run(Options.parse(args), System.out);
        List<String> failures = results.stream().filter(m -> m.failure() != null)
                .map(m -> m.label() + ", " + m.threads() + " threads: " + m.failure()).toList();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cases failed: " + failures);
        }
    }

    /** Runs every measurement the options ask for, printing as it goes and a table at the end. */
    static List<Measurement> run(Options options, PrintStream out) throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(options.dir()), "onestop-bench-");
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", root.resolve("derby.log").toString());
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        printSetup(options, root, out);
        List<AutoCloseable> engines = new ArrayList<>();
        List<CaseFlow> flows = new ArrayList<>();
        List<Measurement> results;
        try {
            long started = System.nanoTime();
            OneStopFlow oneStop = new OneStopFlow(root.resolve("derby"), false);
            engines.add(oneStop);
            flows.add(oneStop);
            printSetUp(oneStop.label(), started, out);
            if (options.durabilityTest()) {
                started = System.nanoTime();
                OneStopFlow test = new OneStopFlow(root.resolve("derby-durability-test"), true);
                engines.add(test);
                flows.add(test);
                printSetUp(test.label(), started, out);
            }
            started = System.nanoTime();
            FlowableEngine flowable = new FlowableEngine();
            engines.add(flowable);
            flows.add(flowable);
            printSetUp(flowable.label(), started, out);
            results = measure(flows, options, out);
        } finally {
            closeAll(engines);
            deleteTree(root);
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        printTable(results, loadBefore, loadAfter, out);
        return results;
    }

    /**
     * Warms each engine up, then runs the timed slices in rounds, each round every thread count on every
     * engine in turn; returns one result per engine and thread count.
     */
    private static List<Measurement> measure(List<CaseFlow> flows, Options options, PrintStream out) {
        List<List<List<Measurement>>> slices = new ArrayList<>();
        for (int f = 0; f < flows.size(); f++) {
            slices.add(new ArrayList<>());
            for (int t = 0; t < options.threads().size(); t++) {
                slices.get(f).add(new ArrayList<>());
            }
        }
        int rounds;
        Harness.Plan plan;
        if (options.casesPerThread() > 0) {
            rounds = 1;
            plan = new Harness.Plan(0, options.casesPerThread());
        } else {
            rounds = Math.max(1, (int) Math.round(options.seconds() / options.sliceSeconds()));
            plan = new Harness.Plan(options.seconds() / rounds, 0);
            for (int f = 0; f < flows.size(); f++) {
                CaseFlow flow = flows.get(f);
                Measurement warm = warmUp(flow, options, out);
                if (warm.failure() != null) {
                    out.printf("  FAILED: %s, warming up: %s%n", flow.label(), warm.failure());
                    for (int t = 0; t < options.threads().size(); t++) {
                        slices.get(f).get(t).add(new Measurement(warm.label(), warm.acts(), options.threads().get(t), 0,
                                0, warm.failure(), List.of()));
                    }
                }
            }
        }
        for (int r = 1; r <= rounds; r++) {
            if (rounds > 1) {
                out.printf(Locale.ROOT, "  round %d of %d…%n", r, rounds);
            }
            for (int t = 0; t < options.threads().size(); t++) {
                for (int f = 0; f < flows.size(); f++) {
                    List<Measurement> done = slices.get(f).get(t);
                    if (done.stream().anyMatch(m -> m.failure() != null)) {
                        continue;
                    }
                    Measurement m = Harness.measure(flows.get(f), options.threads().get(t), plan);
                    if (m.failure() != null) {
                        out.printf("  FAILED: %s, %d threads: %s%n", m.label(), m.threads(), m.failure());
                    }
                    done.add(m);
                }
            }
        }
        List<Measurement> results = new ArrayList<>();
        for (int f = 0; f < flows.size(); f++) {
            // The smoke run's few cases are read back from each engine's own records, every one of them.
            List<String> problems = options.casesPerThread() > 0 ? flows.get(f).audit() : List.of();
            if (!problems.isEmpty()) {
                out.printf("  FAILED: %s, reading its cases back: %s%n", flows.get(f).label(), problems);
            }
            for (List<Measurement> list : slices.get(f)) {
                Measurement m = Measurement.combine(list);
                results.add(problems.isEmpty() || m.failure() != null ? m
                        : new Measurement(m.label(), m.acts(), m.threads(), m.cases(), m.seconds(),
                                "read back: " + problems, m.sliceRates()));
            }
        }
        return results;
    }

    /**
     * Runs one engine single-threaded, slice after slice, until it has run at least the warm-up's seconds and
     * cases (or {@link #MAX_WARMUP_SECONDS}), and says how far it got; the figures are thrown away.
     */
    private static Measurement warmUp(CaseFlow flow, Options options, PrintStream out) {
        List<Measurement> done = new ArrayList<>();
        double seconds = 0;
        long cases = 0;
        while (seconds < options.warmupSeconds()
                || (cases < options.warmupCases() && seconds < MAX_WARMUP_SECONDS)) {
            double slice = Math.max(0.1, Math.min(options.sliceSeconds(), MAX_WARMUP_SECONDS - seconds));
            Measurement m = Harness.measure(flow, 1, new Harness.Plan(slice, 0));
            done.add(m);
            if (m.failure() != null) {
                return m;
            }
            seconds += m.seconds();
            cases += m.cases();
        }
        if (done.isEmpty()) {
            return new Measurement(flow.label(), flow.acts(), 1, 0, 0, null, List.of());
        }
        Measurement all = Measurement.combine(done);
        out.printf(Locale.ROOT, "  %s: warmed up with %d cases in %.0f s, the last slice at %.1f cases/s%n", flow.label(),
                all.cases(), all.seconds(), all.sliceRates().get(all.sliceRates().size() - 1));
        return all;
    }

    private static void printSetUp(String label, long started, PrintStream out) {
        out.printf(Locale.ROOT, "  %s: set up in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
    }

    private static void closeAll(List<AutoCloseable> engines) {
        RuntimeException failure = null;
        for (int i = engines.size() - 1; i >= 0; i--) {
            try {
                engines.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing an engine failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void printSetup(Options options, Path root, PrintStream out) throws IOException {
        Runtime rt = Runtime.getRuntime();
        out.println("OneStop case benchmark (issue 5): complete cases per second, OneStop SDK on Derby beside Flowable");
        out.printf(Locale.ROOT, "JVM       %s %s (%s), max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"), rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "CPUs      %d available to the JVM%s; %s %s %s%n", rt.availableProcessors(),
                cpuModel().map(m -> " (" + m + ")").orElse(""), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "Derby     %s, data in %s (%s); durability: Derby's default, every commit forced to disk%s%n",
                org.apache.derby.tools.sysinfo.getVersionString(), root, Files.getFileStore(root).type(),
                options.durabilityTest() ? "; and a second database, booted with derby.system.durability=test "
                        + "(no sync to disk: like in-memory H2, a power cut loses it)" : "");
        out.printf(Locale.ROOT, "Flowable  %s embedded, H2 %s in memory; %s%n",
                FlowableEngine.version(), org.h2.Driver.class.getPackage().getImplementationVersion(), FlowableEngine.settings());
        int rounds = Math.max(1, (int) Math.round(options.seconds() / options.sliceSeconds()));
        out.printf(Locale.ROOT, "Window    %s; one fresh database per engine%n", options.casesPerThread() > 0
                ? options.casesPerThread() + " cases per engine and thread count, no warm-up (smoke)"
                : "warm-up per engine of at least " + fmt(options.warmupSeconds()) + " s and " + options.warmupCases()
                        + " cases (at most " + fmt(MAX_WARMUP_SECONDS) + " s), then " + fmt(options.seconds())
                        + " s timed for each engine and thread count, in " + rounds + " rounds of "
                        + fmt(options.seconds() / rounds) + " s slices taking the engines in turn");
        out.printf("Per case  %d acts: %s%n", CaseFlow.FULL_PATH.size(), String.join(", ", CaseFlow.FULL_PATH));
        out.println("  OneStop:  one SDK call and one transaction per act: receive, accept, completeStep ×3, "
                + "decide (approve), deliver (at the window), conclude; item " + BenchmarkCatalog.ITEM + " (承诺件), steps "
                + BenchmarkCatalog.STEPS.stream().map(ProcedureStep::name).collect(Collectors.joining("、")) + ", "
                + BenchmarkCatalog.MATERIALS.size() + " materials");
        out.println("  Flowable: one user task per act (full-path.bpmn20.xml): the instance starts, then per task "
                + "a task query and TaskService.complete");
        out.println();
    }

    /** How the table's rows are found by their labels (OneStopFlow.label(), FlowableEngine.label()). */
    private static final String DURABLE = "OneStop SDK, Derby (";
    private static final String NO_SYNC = "durability=test";
    private static final String FLOWABLE = "Flowable";
    /** Issue 5's bar: complete cases per second, single-threaded, OneStop on Derby. */
    private static final double BAR = 500;

    private static void printTable(List<Measurement> results, double loadBefore, double loadAfter, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-40s %4s %7s %9s %9s %8s %8s  %s%n", "engine", "acts", "threads", "cases/s",
                "acts/s", "ms/case", "cases", "slices: slowest–fastest cases/s");
        for (Measurement m : results) {
            out.printf(Locale.ROOT, "%-40s %4d %7d %9.1f %9.1f %8.2f %8d  %.1f–%.1f%s%n", m.label(), m.acts().size(),
                    m.threads(), m.casesPerSecond(), m.actsPerSecond(), m.millisPerCase(), m.cases(), m.slowestSlice(),
                    m.fastestSlice(), m.failure() == null ? "" : "  FAILED");
        }
        out.println();
        List<Integer> threadCounts = results.stream().map(Measurement::threads).distinct().toList();
        out.println("Ratios in cases per second (above 1: the first is faster; every engine runs the same "
                + CaseFlow.FULL_PATH.size() + " acts):");
        for (int threads : threadCounts) {
            Optional<Measurement> durable = find(results, DURABLE, threads);
            Optional<Measurement> noSync = find(results, NO_SYNC, threads);
            Optional<Measurement> flowable = find(results, FLOWABLE, threads);
            out.printf(Locale.ROOT, "  %d thread%s: OneStop (default durability) ÷ Flowable %s", threads,
                    threads == 1 ? " " : "s", ratio(durable, flowable));
            if (noSync.isPresent()) {
                out.printf(Locale.ROOT, "; OneStop (durability=test) ÷ Flowable %s; durability=test ÷ default %s",
                        ratio(noSync, flowable), ratio(noSync, durable));
            }
            out.println();
        }
        if (threadCounts.contains(1)) {
            for (int threads : threadCounts) {
                if (threads != 1) {
                    out.printf(Locale.ROOT, "  %d threads ÷ 1 thread: OneStop (default durability) %s%s; Flowable %s%n",
                            threads, ratio(find(results, DURABLE, threads), find(results, DURABLE, 1)),
                            find(results, NO_SYNC, 1).isEmpty() ? "" : "; OneStop (durability=test) "
                                    + ratio(find(results, NO_SYNC, threads), find(results, NO_SYNC, 1)),
                            ratio(find(results, FLOWABLE, threads), find(results, FLOWABLE, 1)));
                }
            }
        }
        out.printf(Locale.ROOT, "Issue 5's bar: at least %.0f complete cases per second, single-threaded, OneStop on Derby:%n",
                BAR);
        find(results, NO_SYNC, 1).ifPresent(m -> bar(out, "like for like with Flowable's in-memory H2 (durability=test)", m));
        find(results, DURABLE, 1).ifPresent(m -> bar(out, "every commit forced to disk (Derby's default)", m));
        Optional<Measurement> durable = find(results, DURABLE, 1);
        Optional<Measurement> noSync = find(results, NO_SYNC, 1);
        if (durable.isPresent() && noSync.isPresent()) {
            // What forcing the log costs, per act: the part of a case no engine code can take away.
            out.printf(Locale.ROOT, "  forcing the log to disk costs %.2f ms per act here (%d commits per case)%n",
                    (durable.get().millisPerCase() - noSync.get().millisPerCase()) / durable.get().acts().size(),
                    durable.get().acts().size());
        }
        out.printf(Locale.ROOT, "System load average: %.2f before, %.2f after (%d CPUs)%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors());
    }

    private static void bar(PrintStream out, String how, Measurement m) {
        out.printf(Locale.ROOT, "  %-62s %7.1f cases/s (%.2f ms per case) — %s%n", how, m.casesPerSecond(),
                m.millisPerCase(), m.casesPerSecond() >= BAR ? "met" : "not met");
    }

    private static Optional<Measurement> find(List<Measurement> results, String labelPart, int threads) {
        return results.stream().filter(m -> m.threads() == threads && m.label().contains(labelPart) && m.failure() == null)
                .findFirst();
    }

    private static String ratio(Optional<Measurement> a, Optional<Measurement> b) {
        if (a.isEmpty() || b.isEmpty() || b.get().casesPerSecond() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", a.get().casesPerSecond() / b.get().casesPerSecond());
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
