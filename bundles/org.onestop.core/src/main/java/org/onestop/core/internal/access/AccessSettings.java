package org.onestop.core.internal.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live, when sign-in locks, and how hard passwords are hashed.
 *
 * @param sessionIdle      a session ends after this long unused
 * @param sessionAbsolute  and after this long in any case, however often it is used
 * @param lockoutThreshold consecutive failed sign-ins that lock the account
 * @param lockoutFirst     how long the first lock lasts; each further failure doubles it
 * @param lockoutMax       the longest lock
 * @param argon2           the Argon2id cost of new password hashes
 */
public record AccessSettings(Duration sessionIdle, Duration sessionAbsolute, int lockoutThreshold, Duration lockoutFirst,
        Duration lockoutMax, Argon2 argon2) {

    /**
     * Argon2id cost: memory in KiB, passes, lanes. The default (19 MiB, 2 passes, 1 lane) is OWASP's
     * minimum recommendation for Argon2id.
     */
    public record Argon2(int memoryKiB, int iterations, int parallelism) {

        public static final Argon2 DEFAULT = new Argon2(19456, 2, 1);

        public Argon2 {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2 parallelism must be 1 to 16: " + parallelism);
            }
            if (iterations < 1 || iterations > 20) {
                throw new IllegalArgumentException("Argon2 iterations must be 1 to 20: " + iterations);
            }
            // Argon2 needs at least 8 KiB per lane; more than 1 GiB would stall sign-in.
            if (memoryKiB < 8 * parallelism || memoryKiB > 1 << 20) {
                throw new IllegalArgumentException("Argon2 memory must be 8*p KiB to 1 GiB: " + memoryKiB);
            }
        }
    }

    public AccessSettings {
        Objects.requireNonNull(argon2, "argon2");
        positive(sessionIdle, "sessionIdle");
        positive(sessionAbsolute, "sessionAbsolute");
        positive(lockoutFirst, "lockoutFirst");
        positive(lockoutMax, "lockoutMax");
        if (sessionIdle.compareTo(sessionAbsolute) > 0) {
            throw new IllegalArgumentException("sessionIdle must not exceed sessionAbsolute");
        }
        if (lockoutThreshold < 1 || lockoutThreshold > 100) {
            throw new IllegalArgumentException("lockoutThreshold must be 1 to 100: " + lockoutThreshold);
        }
        if (lockoutFirst.compareTo(lockoutMax) > 0) {
            throw new IllegalArgumentException("lockoutFirst must not exceed lockoutMax");
        }
    }

    /** Sessions of 30 minutes idle and 12 hours at most; lock after 5 failures for 1 minute, doubling up to 60. */
    public static AccessSettings defaults() {
        return new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofMinutes(1),
                Duration.ofMinutes(60), Argon2.DEFAULT);
    }

    public AccessSettings withSessions(Duration idle, Duration absolute) {
        return new AccessSettings(idle, absolute, lockoutThreshold, lockoutFirst, lockoutMax, argon2);
    }

    public AccessSettings withLockoutThreshold(int threshold) {
        return new AccessSettings(sessionIdle, sessionAbsolute, threshold, lockoutFirst, lockoutMax, argon2);
    }

    public AccessSettings withArgon2(Argon2 cost) {
        return new AccessSettings(sessionIdle, sessionAbsolute, lockoutThreshold, lockoutFirst, lockoutMax, cost);
    }

    /** How long the account stays locked after its {@code failures}-th consecutive failure; zero below the threshold. */
    public Duration lockoutAfter(int failures) {
        if (failures < lockoutThreshold) {
            return Duration.ZERO;
        }
        int doublings = failures - lockoutThreshold;
        // 2^30 minutes is far past any sensible maximum, and the shift would overflow beyond it.
        if (doublings >= 30) {
            return lockoutMax;
        }
        Duration lock = lockoutFirst.multipliedBy(1L << doublings);
        return lock.compareTo(lockoutMax) > 0 ? lockoutMax : lock;
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
