package org.onestop.core.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves forward by hand. */
final class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    TestClock(Instant start) {
        now = start;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The same instant seen from another zone; later moves of this clock do not reach it.
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
