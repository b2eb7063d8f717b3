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
import java.util.stream.Stream;

/**
 * Issue 5's benchmark, a program that prints figures (never a timed test): cases per second through a
 * promised case's path, on the OneStop SDK over embedded Derby and on Flowable 8 over in-memory H2,
 * single-threaded and with more threads, and their ratios.
 *
 * <pre>
 * mvn -q -DskipTests install
 * mvn -q -pl benchmarks/org.onestop.benchmarks exec:java -Dexec.args="--seconds 20"
 * </pre>
 *
 * Options (defaults in brackets): {@code --seconds N} timed seconds per engine and thread count [20];
 * {@code --warmup N} warm-up of each engine, one thread, before any timing [15]; {@code --slice N} the timed
 * seconds run in rounds of slices this long, every engine in turn [5]; {@code --threads 1,2} [1,2];
 * {@code --durability-test} also measures OneStop with {@code derby.system.durability=test} (commits not
 * forced to disk) to show what the forcing costs; {@code --dir PATH} where the temporary data folder goes
 * [the system's temporary folder]; {@code --cases N} N cases per engine and thread count instead of timing.
 */
public final class CaseBenchmark {

    /**
     * How the benchmark runs. The timed {@code seconds} of each engine and thread count are cut into slices
     * of about {@code sliceSeconds}, run in rounds that take every engine in turn, so that a change in the
     * machine's load falls on all engines alike. {@code casesPerThread} above 0 replaces the warm-up and
     * the timed window with that many cases (the smoke test).
     */
    record Options(double warmupSeconds, double seconds, double sliceSeconds, int casesPerThread,
            List<Integer> threads, boolean durabilityTest, Path dir) {

        static Options parse(String... args) {
            // Flowable's rate settles only after some 5,000 cases (about 30 s on the 2-core machine): the JIT.
            double warmup = 15;
            double seconds = 20;
            double slice = 5;
            List<Integer> threads = List.of(1, 2);
            int cases = 0;
            boolean durabilityTest = false;
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                    case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                    case "--slice" -> slice = Double.parseDouble(value(args, ++i));
                    case "--cases" -> cases = Integer.parseInt(value(args, ++i));
                    case "--threads" -> threads = Stream.of(value(args, ++i).split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--durability-test" -> durabilityTest = true;
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --seconds N --warmup N --slice N --threads 1,2 --durability-test --dir PATH --cases N");
                }
            }
            return new Options(warmup, seconds, slice, cases, threads, durabilityTest, dir);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

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
            started = System.nanoTime();
            FlowableEngine flowable = new FlowableEngine();
            engines.add(flowable);
            flows.add(flowable.flow(FlowableEngine.Process.THREE_ACTS));
            flows.add(flowable.flow(FlowableEngine.Process.FULL_PATH));
            printSetUp("Flowable", started, out);
            if (options.durabilityTest()) {
                started = System.nanoTime();
                OneStopFlow test = new OneStopFlow(root.resolve("derby-durability-test"), true);
                engines.add(test);
                flows.add(test);
                printSetUp(test.label(), started, out);
            }
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
            out.printf(Locale.ROOT, "  warming up, %s s for each engine…%n", fmt(options.warmupSeconds()));
            for (int f = 0; f < flows.size(); f++) {
                CaseFlow flow = flows.get(f);
                Measurement warm = Harness.measure(flow, 1, new Harness.Plan(options.warmupSeconds(), 0));
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
        slices.forEach(byThreads -> byThreads.forEach(list -> results.add(Measurement.combine(list))));
        return results;
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
                options.durabilityTest() ? "; one extra run, labelled, with derby.system.durability=test" : "");
        out.printf(Locale.ROOT, "Flowable  %s embedded, H2 %s in memory; %s%n",
                org.flowable.engine.ProcessEngine.class.getPackage().getImplementationVersion(),
                org.h2.Driver.class.getPackage().getImplementationVersion(), FlowableEngine.settings());
        int rounds = Math.max(1, (int) Math.round(options.seconds() / options.sliceSeconds()));
        out.printf(Locale.ROOT, "Window    %s; one fresh database per engine%n", options.casesPerThread() > 0
                ? options.casesPerThread() + " cases per engine and thread count, no warm-up (smoke)"
                : fmt(options.warmupSeconds()) + " s warm-up per engine, then " + fmt(options.seconds())
                        + " s timed for each engine and thread count, in " + rounds + " rounds of "
                        + fmt(options.seconds() / rounds) + " s slices taking the engines in turn");
        List<String> missing = OneStopFlow.missingActs();
        out.printf("OneStop acts per case:  %s%s%n", String.join(", ", OneStopFlow.actNames()),
                missing.isEmpty() ? "" : " (" + String.join(", ", missing) + ": not yet in the engine)");
        out.printf("Flowable, OneStop's acts: %s (user tasks)%n", String.join(", ", FlowableEngine.Process.THREE_ACTS.acts));
        out.printf("Flowable, full path:    %s (user tasks)%n", String.join(", ", FlowableEngine.Process.FULL_PATH.acts));
        out.println();
    }

    private static void printTable(List<Measurement> results, double loadBefore, double loadAfter, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-46s %4s %7s %9s %9s %8s %8s  %s%n", "engine", "acts", "threads", "cases/s",
                "acts/s", "ms/case", "cases", "slices: slowest–fastest cases/s");
        for (Measurement m : results) {
            out.printf(Locale.ROOT, "%-46s %4d %7d %9.1f %9.1f %8.2f %8d  %.1f–%.1f%s%n", m.label(), m.acts().size(),
                    m.threads(), m.casesPerSecond(), m.actsPerSecond(), m.millisPerCase(), m.cases(), m.slowestSlice(),
                    m.fastestSlice(), m.failure() == null ? "" : "  FAILED");
        }
        out.println();
        List<Integer> threadCounts = results.stream().map(Measurement::threads).distinct().toList();
        out.println("Ratios, OneStop ÷ Flowable in cases per second (above 1: OneStop is faster):");
        for (int threads : threadCounts) {
            Optional<Measurement> oneStop = find(results, "OneStop SDK, Derby (", threads);
            Optional<Measurement> same = find(results, "(OneStop's acts)", threads);
            Optional<Measurement> full = find(results, "(full path)", threads);
            out.printf(Locale.ROOT, "  %d thread%s: same acts %s; OneStop's acts against Flowable's full path %s%n",
                    threads, threads == 1 ? " " : "s", ratio(oneStop, same), ratio(oneStop, full));
        }
        find(results, "durability=test", 1).ifPresent(test -> find(results, "OneStop SDK, Derby (", 1).ifPresent(
                durable -> out.printf(Locale.ROOT, "  Derby durability=test ÷ default, 1 thread: %.2f× "
                        + "(what forcing every commit to disk costs; the headline keeps the default)%n",
                        test.casesPerSecond() / durable.casesPerSecond())));
        find(results, "OneStop SDK, Derby (", 1).ifPresent(m -> out.printf(Locale.ROOT,
                "Issue 5's bar: at least 500 complete cases per second single-threaded over the full path (%d acts); "
                        + "today OneStop does %.1f cases/s over %d acts%s.%n", CaseFlow.FULL_PATH.size(),
                m.casesPerSecond(), m.acts().size(),
                OneStopFlow.missingActs().isEmpty() ? "" : ", so the bar cannot be judged until the engine has them"));
        out.printf(Locale.ROOT, "System load average: %.2f before, %.2f after (%d CPUs)%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors());
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
