package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded wait for a state that no event announces, such as the contents of
 * {@link org.onestop.api.plugin.PluginDirectory#plugins()}. Services are waited for with
 * {@code @InjectService(timeout = ...)} or a tracker instead.
 */
final class Await {

    /** Long enough for a slow CI machine, short enough to keep a broken run quick (a constant: annotations use it). */
    static final long TIMEOUT_MS = 10_000;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MS);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} and the last {@code state} after the timeout. */
    static void until(String what, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Waited " + TIMEOUT.toSeconds() + " s for " + what + "; last seen: " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for " + what);
            }
        }
    }
}
