package org.onestop.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * What one engine did at one thread count: one timed slice, or the sum of several.
 *
 * @param label      the engine, as the table names it
 * @param acts       the acts of one case
 * @param threads    how many threads ran cases at once
 * @param cases      cases finished inside the timed window(s), or in all in the smoke test's count mode
 * @param seconds    the timed window's length, summed over the slices
 * @param failure    the first failure, or null when every case went through
 * @param sliceRates cases per second of each slice, in the order run
 */
record Measurement(String label, List<String> acts, int threads, long cases, double seconds, String failure,
        List<Double> sliceRates) {

    /** The slices of one engine at one thread count, added up. */
    static Measurement combine(List<Measurement> slices) {
        Measurement first = slices.get(0);
        long cases = 0;
        double seconds = 0;
        String failure = null;
        List<Double> rates = new ArrayList<>();
        for (Measurement m : slices) {
            cases += m.cases();
            seconds += m.seconds();
            failure = failure != null ? failure : m.failure();
            rates.addAll(m.sliceRates());
        }
        return new Measurement(first.label(), first.acts(), first.threads(), cases, seconds, failure, rates);
    }

    double casesPerSecond() {
        return seconds > 0 ? cases / seconds : 0;
    }

    double actsPerSecond() {
        return casesPerSecond() * acts.size();
    }

    /** The mean time one thread spends on one case. */
    double millisPerCase() {
        return cases > 0 ? threads * seconds * 1000 / cases : 0;
    }

    double slowestSlice() {
        return sliceRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    double fastestSlice() {
        return sliceRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
