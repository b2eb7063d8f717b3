package org.onestop.core.internal.calendar;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * Counts working days (工作日计数) in constant time. Every day has a rank, the number of working days
 * up to and including it counted from a fixed origin, so that the working days in {@code (a, b]} are
 * {@code rank(b) - rank(a)} and the n-th working day after {@code a} is the first day whose rank
 * reaches {@code rank(a) + n}.
 *
 * <p>Inside a table of days (the years that have a schedule or a center day) the rank comes from a
 * prefix count; outside it, from plain-week arithmetic (Monday to Friday), continued across the
 * table's edges. Days are epoch days ({@link java.time.LocalDate#toEpochDay()}). Immutable.
 */
final class WorkingDayIndex {

    /** 1970-01-05, a Monday: plain weeks are counted from here, in both directions. */
    private static final long MONDAY = 4;

    private final long first;
    /** cumulative[i]: working days among the table's first i days. */
    private final int[] cumulative;
    /** positions[k]: offset in the table of its (k+1)-th working day. */
    private final int[] positions;
    /** Rank of the day before the table. */
    private final long base;

    /**
     * @param first   the table's first epoch day
     * @param last    its last epoch day, {@code >= first - 1} (an empty table counts plain weeks only)
     * @param working whether a day of the table is a working day
     */
    WorkingDayIndex(long first, long last, LongPredicate working) {
        int length = Math.toIntExact(last - first + 1);
        this.first = first;
        this.cumulative = new int[length + 1];
        int[] found = new int[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (working.test(first + i)) {
                found[count++] = i;
            }
            cumulative[i + 1] = count;
        }
        this.positions = Arrays.copyOf(found, count);
        this.base = plainRank(first - 1);
    }

    /** Working days up to and including {@code day}, from the fixed origin. */
    long rank(long day) {
        long offset = day - first;
        if (offset < 0) {
            return plainRank(day);
        }
        int length = cumulative.length - 1;
        if (offset < length) {
            return base + cumulative[(int) offset + 1];
        }
        return base + cumulative[length] + plainRank(day) - plainRank(first + length - 1);
    }

    /** The earliest day whose rank is at least {@code target}; always a working day. */
    long dayOfRank(long target) {
        if (target <= base) {
            return plainDayOfRank(target);
        }
        long inTable = target - base;
        if (inTable <= positions.length) {
            return first + positions[(int) (inTable - 1)];
        }
        int length = cumulative.length - 1;
        long afterTable = inTable - positions.length;
        return plainDayOfRank(plainRank(first + length - 1) + afterTable);
    }

    /** Monday to Friday up to and including {@code day}, from the origin; defined for every day. */
    static long plainRank(long day) {
        long offset = day - MONDAY;
        long weeks = Math.floorDiv(offset, 7);
        long weekday = Math.floorMod(offset, 7); // 0 Monday ... 6 Sunday
        return weeks * 5 + Math.min(weekday + 1, 5);
    }

    /** The earliest day whose plain-week rank is at least {@code target}: the target-th weekday. */
    static long plainDayOfRank(long target) {
        long weeks = Math.floorDiv(target - 1, 5);
        long weekday = Math.floorMod(target - 1, 5);
        return MONDAY + weeks * 7 + weekday;
    }
}
