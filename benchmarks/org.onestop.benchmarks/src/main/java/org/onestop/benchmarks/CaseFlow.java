package org.onestop.benchmarks;

import java.util.List;

/**
 * One engine, set up on a fresh database, that takes one case through its acts per call. Instances
 * are shared by the measuring threads, so {@link #runCase()} must be safe to call from several at once.
 */
interface CaseFlow {

    /** Issue 5's full path of a promised case (承诺件), in order; the Flowable process has one user task per name. */
    List<String> FULL_PATH = List.of("receive", "accept", "step1", "step2", "step3", "approve", "deliver", "conclude");

    /** What the table calls this engine. */
    String label();

    /** The acts one case goes through, in order. */
    List<String> acts();

    /** Takes one new case through every act, and throws if any act did not end where it should. */
    void runCase();

    /** How many cases the engine itself records as finished, or -1 when it cannot say; never called while timing. */
    long finishedCases();

    /**
     * Re-reads every case run so far from the engine's own records and describes each one that did not go
     * through every act to the end; empty when all did. For the smoke run's few cases; never called while timing.
     */
    List<String> audit();
}
