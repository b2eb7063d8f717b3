package org.onestop.sdk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the test moves from day to day. */
final class MutableClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    MutableClock(LocalDate day) {
        set(day);
    }

    void set(LocalDate day) {
        now = day.atTime(9, 30).atZone(ZONE).toInstant();
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
