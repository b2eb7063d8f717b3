package org.onestop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs cases on one flow from several threads for a timed window and counts the cases finished inside
 * it. With a case count instead (the smoke test), each thread runs that many cases, the window is the
 * time they took, and the engine must then record every one of them as finished. A warm-up is a window
 * whose figures are thrown away.
 */
final class Harness {

    /**
     * @param seconds        the timed window
     * @param casesPerThread when above 0, this many cases per thread instead of a window
     */
    record Plan(double seconds, int casesPerThread) {
    }

    private Harness() {
    }

    static Measurement measure(CaseFlow flow, int threads, Plan plan) {
        AtomicLong finished = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] window = new long[2];
        CyclicBarrier ready = new CyclicBarrier(threads, () -> {
            window[0] = System.nanoTime();
            window[1] = window[0] + (long) (plan.seconds() * 1e9);
        });
        long finishedBefore = plan.casesPerThread() > 0 ? flow.finishedCases() : -1;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    ready.await();
                    if (plan.casesPerThread() > 0) {
                        for (int i = 0; i < plan.casesPerThread() && !stop.get(); i++) {
                            flow.runCase();
                            finished.incrementAndGet();
                        }
                        return;
                    }
                    // A case is counted when it ends inside the window; the one running at the end is not.
                    while (!stop.get()) {
                        flow.runCase();
                        if (System.nanoTime() > window[1]) {
                            break;
                        }
                        finished.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
            }, "bench-" + (t + 1));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                throw new IllegalStateException("interrupted while measuring " + flow.label(), e);
            }
        }
        double seconds = plan.casesPerThread() > 0 ? (System.nanoTime() - window[0]) / 1e9 : plan.seconds();
        String problem = failure.get() == null ? null : failure.get().toString();
        if (problem == null && finishedBefore >= 0) {
            long finishedAfter = flow.finishedCases();
            if (finishedAfter >= 0 && finishedAfter - finishedBefore != finished.get()) {
                problem = "the engine records " + (finishedAfter - finishedBefore) + " cases finished of "
                        + finished.get();
            }
        }
        double rate = seconds > 0 ? finished.get() / seconds : 0;
        return new Measurement(flow.label(), flow.acts(), threads, finished.get(), seconds, problem, List.of(rate));
    }
}
