package org.onestop.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class WorkingDayIndexTest {

    private static boolean weekday(long day) {
        DayOfWeek d = LocalDate.ofEpochDay(day).getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    @Test
    void plainRankGrowsByOneOnWeekdaysOnly() {
        // From 1900 to 2100, including days before the 1970 origin.
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2100, 1, 1).toEpochDay();
        for (long day = from; day <= to; day++) {
            long step = WorkingDayIndex.plainRank(day) - WorkingDayIndex.plainRank(day - 1);
            assertEquals(weekday(day) ? 1 : 0, step, LocalDate.ofEpochDay(day)::toString);
        }
    }

    @Test
    void plainDayOfRankIsTheEarliestDayReachingTheRank() {
        for (long target = -3000; target <= 3000; target++) {
            long day = WorkingDayIndex.plainDayOfRank(target);
            assertEquals(target, WorkingDayIndex.plainRank(day));
            assertEquals(target - 1, WorkingDayIndex.plainRank(day - 1));
        }
    }

    @Test
    void plainWeekCountsAKnownSpan() {
        // 2030-01-01 is a Tuesday; 2030 has 52 weeks and a day, so 261 weekdays.
        long from = LocalDate.of(2029, 12, 31).toEpochDay();
        long to = LocalDate.of(2030, 12, 31).toEpochDay();
        assertEquals(261, WorkingDayIndex.plainRank(to) - WorkingDayIndex.plainRank(from));
    }

    @Test
    void agreesWithCountingDayByDayForRandomTables() {
        Random random = new Random(20260930L);
        for (int round = 0; round < 30; round++) {
            long first = LocalDate.of(2025, 1, 1).toEpochDay() + random.nextInt(20);
            long last = first + random.nextInt(60) - 1; // sometimes empty
            boolean[] table = new boolean[(int) Math.max(0, last - first + 1)];
            for (int i = 0; i < table.length; i++) {
                table[i] = random.nextInt(3) > 0;
            }
            LongPredicate working = day -> day >= first && day <= last ? table[(int) (day - first)] : weekday(day);
            WorkingDayIndex index = new WorkingDayIndex(first, last, day -> table[(int) (day - first)]);
            long origin = first - 30;
            for (long a = origin; a < last + 30; a++) {
                long count = 0;
                for (long b = a + 1; b < last + 40; b++) {
                    if (working.test(b)) {
                        count++;
                        assertEquals(b, index.dayOfRank(index.rank(a) + count), "n-th working day after " + a);
                    }
                    assertEquals(count, index.rank(b) - index.rank(a));
                }
            }
        }
    }
}
