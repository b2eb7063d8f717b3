package org.onestop.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.calendar.DayInfo;
import org.onestop.api.calendar.DayKind;
import org.onestop.api.calendar.HolidayDay;
import org.onestop.api.calendar.HolidaySchedule;
import org.onestop.json.HolidayFiles;

/**
 * Checked against the real notices 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026). Every
 * expected date below was counted by hand on a wall calendar from the notice's text.
 */
class CalendarRulesTest {

    /** Only 2025 and 2026, so that shipping a newer year later does not change these expectations. */
    private static final CalendarRules RULES = new CalendarRules(
            HolidayFiles.builtIn().stream().filter(s -> s.year() == 2025 || s.year() == 2026)
                    .collect(Collectors.toMap(HolidaySchedule::year, s -> s)),
            Map.of());

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static void assertDay(DayKind kind, String name, LocalDate date) {
        assertEquals(new DayInfo(date, kind, name), RULES.day(date));
    }

    @Test
    void knowsTheShippedYears() {
        assertEquals(List.of(2025, 2026), RULES.knownYears());
        assertTrue(RULES.schedule(2026).isPresent());
        assertTrue(RULES.schedule(2027).isEmpty());
    }

    @Test
    void springFestival2025() {
        // 1月28日（除夕、周二）至2月4日（周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
        for (LocalDate day = d(2025, 1, 28); !day.isAfter(d(2025, 2, 4)); day = day.plusDays(1)) {
            assertDay(DayKind.HOLIDAY, "春节", day);
        }
        assertDay(DayKind.MAKE_UP_WORKDAY, "春节", d(2025, 1, 26));
        assertDay(DayKind.MAKE_UP_WORKDAY, "春节", d(2025, 2, 8));
        assertDay(DayKind.WEEKDAY, null, d(2025, 1, 27));
        assertDay(DayKind.WEEKEND, null, d(2025, 1, 25));
        assertDay(DayKind.WEEKDAY, null, d(2025, 2, 5));
        assertDay(DayKind.WEEKEND, null, d(2025, 2, 9));
        // Accepted Fri 1-24: Sun 1-26 (1), Mon 1-27 (2), then Wed 2-5 (3) after the holiday.
        assertEquals(d(2025, 2, 5), RULES.deadline(d(2025, 1, 24), 3));
        assertEquals(d(2025, 2, 5), RULES.deadline(d(2025, 1, 27), 1));
        assertEquals(d(2025, 2, 8), RULES.deadline(d(2025, 2, 7), 1));
        assertEquals(3, RULES.workingDaysBetween(d(2025, 1, 24), d(2025, 2, 5)));
        assertEquals(0, RULES.workingDaysBetween(d(2025, 1, 27), d(2025, 2, 4)));
    }

    @Test
    void nationalDay2025() {
        // 10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
        for (LocalDate day = d(2025, 10, 1); !day.isAfter(d(2025, 10, 8)); day = day.plusDays(1)) {
            assertDay(DayKind.HOLIDAY, "国庆节、中秋节", day);
        }
        assertDay(DayKind.MAKE_UP_WORKDAY, "国庆节、中秋节", d(2025, 9, 28));
        assertDay(DayKind.MAKE_UP_WORKDAY, "国庆节、中秋节", d(2025, 10, 11));
        assertDay(DayKind.WEEKDAY, null, d(2025, 10, 9));
        assertDay(DayKind.WEEKEND, null, d(2025, 10, 12));
        // Accepted Fri 9-26: 9-28 (1), 9-29 (2), 9-30 (3), 10-9 (4), 10-10 (5), Sat 10-11 (6), Mon 10-13 (7).
        assertEquals(d(2025, 10, 10), RULES.deadline(d(2025, 9, 26), 5));
        assertEquals(d(2025, 10, 11), RULES.deadline(d(2025, 9, 26), 6));
        assertEquals(d(2025, 10, 13), RULES.deadline(d(2025, 9, 26), 7));
        assertEquals(d(2025, 10, 9), RULES.deadline(d(2025, 9, 30), 1));
    }

    @Test
    void springFestival2026() {
        // 2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        for (LocalDate day = d(2026, 2, 15); !day.isAfter(d(2026, 2, 23)); day = day.plusDays(1)) {
            assertDay(DayKind.HOLIDAY, "春节", day);
        }
        assertDay(DayKind.MAKE_UP_WORKDAY, "春节", d(2026, 2, 14));
        assertDay(DayKind.MAKE_UP_WORKDAY, "春节", d(2026, 2, 28));
        assertDay(DayKind.WEEKDAY, null, d(2026, 2, 24));
        assertEquals(d(2026, 2, 14), RULES.deadline(d(2026, 2, 13), 1));
        assertEquals(d(2026, 2, 24), RULES.deadline(d(2026, 2, 13), 2));
        assertEquals(d(2026, 2, 28), RULES.deadline(d(2026, 2, 27), 1));
        assertEquals(d(2026, 3, 2), RULES.deadline(d(2026, 2, 27), 2));
        // Fri 2-13 to Mon 3-2: 2-14, 2-24, 2-25, 2-26, 2-27, 2-28, 3-2.
        assertEquals(7, RULES.workingDaysBetween(d(2026, 2, 13), d(2026, 3, 2)));
    }

    @Test
    void midAutumnAndNationalDay2026() {
        // 中秋节：9月25日（周五）至27日（周日）放假。国庆节：10月1日（周四）至7日（周三）放假调休，
        // 9月20日（周日）、10月10日（周六）上班。
        assertDay(DayKind.MAKE_UP_WORKDAY, "国庆节", d(2026, 9, 20));
        for (LocalDate day = d(2026, 9, 25); !day.isAfter(d(2026, 9, 27)); day = day.plusDays(1)) {
            assertDay(DayKind.HOLIDAY, "中秋节", day);
        }
        for (LocalDate day = d(2026, 10, 1); !day.isAfter(d(2026, 10, 7)); day = day.plusDays(1)) {
            assertDay(DayKind.HOLIDAY, "国庆节", day);
        }
        assertDay(DayKind.MAKE_UP_WORKDAY, "国庆节", d(2026, 10, 10));
        assertDay(DayKind.WEEKDAY, null, d(2026, 9, 28));
        assertDay(DayKind.WEEKEND, null, d(2026, 10, 11));
        // Accepted Fri 9-18: Sun 9-20 (1), Mon 9-21 (2).
        assertEquals(d(2026, 9, 21), RULES.deadline(d(2026, 9, 18), 2));
        // Accepted Thu 9-24: 9-25 to 9-27 off, Mon 9-28 (1).
        assertEquals(d(2026, 9, 28), RULES.deadline(d(2026, 9, 24), 1));
    }

    @Test
    void caseAcceptedOn30September2026WithFiveWorkingDays() {
        // Wed 9-30 not counted; 10-1 to 10-7 off; Thu 10-8 (1), Fri 10-9 (2), Sat 10-10 make-up (3),
        // Sun 10-11 off, Mon 10-12 (4), Tue 10-13 (5).
        assertEquals(d(2026, 10, 13), RULES.deadline(d(2026, 9, 30), 5));
        assertEquals(5, RULES.workingDaysBetween(d(2026, 9, 30), d(2026, 10, 13)));
        assertEquals(-5, RULES.workingDaysBetween(d(2026, 10, 13), d(2026, 9, 30)));
    }

    @Test
    void newYear2026AndTheYearBoundary() {
        // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        assertDay(DayKind.HOLIDAY, "元旦", d(2026, 1, 1));
        assertDay(DayKind.HOLIDAY, "元旦", d(2026, 1, 2));
        assertDay(DayKind.HOLIDAY, "元旦", d(2026, 1, 3));
        assertDay(DayKind.MAKE_UP_WORKDAY, "元旦", d(2026, 1, 4));
        assertEquals(d(2025, 12, 31), RULES.deadline(d(2025, 12, 30), 1));
        assertEquals(d(2025, 12, 31), RULES.deadline(d(2025, 12, 31), 0));
        assertEquals(d(2026, 1, 4), RULES.deadline(d(2025, 12, 31), 1));
        assertEquals(d(2026, 1, 5), RULES.deadline(d(2025, 12, 31), 2));
        // Wed 12-31 + 10: 1-4 (1), 1-5..1-9 (2..6), 1-12..1-15 (7..10).
        assertEquals(d(2026, 1, 15), RULES.deadline(d(2025, 12, 31), 10));
        assertEquals(d(2026, 1, 4), RULES.deadline(d(2026, 1, 1), 0));
    }

    @Test
    void zeroDaysIsTheStartWhenItIsAWorkingDayElseTheNext() {
        assertEquals(d(2026, 9, 30), RULES.deadline(d(2026, 9, 30), 0));
        assertEquals(d(2026, 10, 8), RULES.deadline(d(2026, 10, 1), 0));
        assertEquals(d(2026, 10, 10), RULES.deadline(d(2026, 10, 10), 0));
        assertEquals(d(2026, 10, 12), RULES.deadline(d(2026, 10, 11), 0));
    }

    @Test
    void wholeYearsCountTheNoticesWorkingDays() {
        // Both years: 261 Monday-to-Fridays; 2025 loses 18 to holidays and gains 5 make-up days,
        // 2026 loses 19 and gains 6.
        assertEquals(248, RULES.workingDaysBetween(d(2024, 12, 31), d(2025, 12, 31)));
        assertEquals(248, RULES.workingDaysBetween(d(2025, 12, 31), d(2026, 12, 31)));
        assertEquals(-496, RULES.workingDaysBetween(d(2026, 12, 31), d(2024, 12, 31)));
        assertEquals(0, RULES.workingDaysBetween(d(2026, 10, 1), d(2026, 10, 1)));
    }

    @Test
    void yearsWithoutAScheduleArePlainWeeks() {
        // No 2027 schedule here: Fri 2027-01-01 counts as an ordinary working day.
        assertDay(DayKind.WEEKDAY, null, d(2027, 1, 1));
        assertEquals(d(2027, 1, 1), RULES.deadline(d(2026, 12, 31), 1));
        assertEquals(d(2027, 1, 4), RULES.deadline(d(2026, 12, 31), 2));
        assertEquals(d(2024, 10, 7), RULES.deadline(d(2024, 9, 30), 5));
        // Tue 2024-12-31 + 1 crosses into the schedule: 2025-01-01 is 元旦, Thu 1-2 is next.
        assertEquals(d(2025, 1, 2), RULES.deadline(d(2024, 12, 31), 1));
        CalendarRules plain = new CalendarRules(Map.of(), Map.of());
        assertEquals(List.of(), plain.knownYears());
        assertEquals(d(2026, 10, 7), plain.deadline(d(2026, 9, 30), 5));
        assertDay(DayKind.WEEKDAY, null, d(2030, 5, 1));
    }

    @Test
    void deadlineIsAlwaysAWorkingDayAndMatchesCountingDayByDay() {
        for (LocalDate start = d(2025, 1, 1); !start.isAfter(d(2026, 12, 31)); start = start.plusDays(1)) {
            for (int n = 0; n <= 30; n++) {
                LocalDate deadline = RULES.deadline(start, n);
                assertTrue(RULES.day(deadline).working(), start + " + " + n + " -> " + deadline);
                assertEquals(countDayByDay(RULES, start, n), deadline, start + " + " + n);
            }
        }
    }

    @Test
    void countingBetweenStartAndDeadlineGivesTheLimitBack() {
        for (LocalDate start = d(2025, 1, 1); !start.isAfter(d(2026, 12, 31)); start = start.plusDays(1)) {
            for (int n = 1; n <= 30; n++) {
                LocalDate deadline = RULES.deadline(start, n);
                assertEquals(n, RULES.workingDaysBetween(start, deadline), start + " + " + n);
                assertEquals(-n, RULES.workingDaysBetween(deadline, start), start + " + " + n);
                // And it is the first such day: one day earlier, one working day fewer.
                assertEquals(n - 1, RULES.workingDaysBetween(start, deadline.minusDays(1)), start + " + " + n);
            }
        }
    }

    @Test
    void longLimitsCrossBothYearsConsistently() {
        LocalDate start = d(2025, 1, 1);
        LocalDate deadline = RULES.deadline(start, CalendarRules.MAX_WORKING_DAYS);
        assertEquals(CalendarRules.MAX_WORKING_DAYS, RULES.workingDaysBetween(start, deadline));
        // 496 working days in 2025-2026 leave 3154 plain weekdays from Fri 2027-01-01 (the 1st):
        // Fri 2039-01-28, 630 weeks later, is the 3151st; then Mon 1-31, Tue 2-1, Wed 2-2 (3154th).
        assertEquals(d(2039, 2, 2), deadline);
    }

    @Test
    void centerDaysOverrideTheNationalSchedule() {
        CalendarRules closedOnMakeUpDay = RULES.withCenterDays(Map.of(
                d(2026, 10, 10), new CenterDay(d(2026, 10, 10), false, "大厅线路改造")));
        assertEquals(new DayInfo(d(2026, 10, 10), DayKind.CENTER_OFF, "大厅线路改造"), closedOnMakeUpDay.day(d(2026, 10, 10)));
        // 10-8 (1), 10-9 (2), 10-12 (3), 10-13 (4), 10-14 (5).
        assertEquals(d(2026, 10, 14), closedOnMakeUpDay.deadline(d(2026, 9, 30), 5));

        CalendarRules openOnHoliday = RULES.withCenterDays(Map.of(
                d(2026, 10, 5), new CenterDay(d(2026, 10, 5), true, "国庆假期窗口值班")));
        assertEquals(new DayInfo(d(2026, 10, 5), DayKind.CENTER_WORKDAY, "国庆假期窗口值班"), openOnHoliday.day(d(2026, 10, 5)));
        // 10-5 (1), 10-8 (2), 10-9 (3), 10-10 (4), 10-12 (5).
        assertEquals(d(2026, 10, 12), openOnHoliday.deadline(d(2026, 9, 30), 5));
        assertEquals(6, openOnHoliday.workingDaysBetween(d(2026, 9, 30), d(2026, 10, 13)));

        // A plain weekday closed, and a plain Saturday opened.
        CalendarRules own = RULES.withCenterDays(Map.of(
                d(2026, 11, 11), new CenterDay(d(2026, 11, 11), false, "县庆"),
                d(2026, 11, 14), new CenterDay(d(2026, 11, 14), true, "周六延时服务")));
        assertEquals(DayKind.CENTER_OFF, own.day(d(2026, 11, 11)).kind());
        assertEquals(DayKind.CENTER_WORKDAY, own.day(d(2026, 11, 14)).kind());
        // Tue 11-10: 11-12 (1), 11-13 (2), Sat 11-14 (3).
        assertEquals(d(2026, 11, 14), own.deadline(d(2026, 11, 10), 3));

        // The original is untouched, and an empty map gives the national calendar back.
        assertEquals(d(2026, 10, 13), RULES.deadline(d(2026, 9, 30), 5));
        assertEquals(d(2026, 10, 13), own.withCenterDays(Map.of()).deadline(d(2026, 9, 30), 5));
        assertEquals(List.of(d(2026, 11, 11), d(2026, 11, 14)), List.copyOf(own.centerDays().keySet()));
    }

    @Test
    void centerDaysInAYearWithoutScheduleAreCounted() {
        CalendarRules own = RULES.withCenterDays(Map.of(
                d(2028, 3, 1), new CenterDay(d(2028, 3, 1), false, "搬迁新址")));
        // Tue 2028-02-29 + 1: Wed 3-1 closed, Thu 3-2.
        assertEquals(d(2028, 3, 2), own.deadline(d(2028, 2, 29), 1));
        // Still plain weeks between the schedules and the center day.
        assertEquals(d(2027, 1, 1), own.deadline(d(2026, 12, 31), 1));
        assertEquals(List.of(2025, 2026), own.knownYears());
    }

    @Test
    void daysListsEachDayWithItsKind() {
        List<DayInfo> days = RULES.days(d(2026, 2, 13), d(2026, 2, 16));
        assertEquals(List.of(
                new DayInfo(d(2026, 2, 13), DayKind.WEEKDAY, null),
                new DayInfo(d(2026, 2, 14), DayKind.MAKE_UP_WORKDAY, "春节"),
                new DayInfo(d(2026, 2, 15), DayKind.HOLIDAY, "春节"),
                new DayInfo(d(2026, 2, 16), DayKind.HOLIDAY, "春节")), days);
        assertEquals(1, RULES.days(d(2026, 1, 1), d(2026, 1, 1)).size());
        assertEquals(400, RULES.days(d(2025, 1, 1), d(2025, 1, 1).plusDays(399)).size());
        assertFalse(RULES.days(d(2026, 1, 1), d(2026, 1, 1)).get(0).working());
        assertNull(RULES.day(d(2026, 3, 3)).name());
    }

    @Test
    void badArgumentsNameTheField() {
        assertInvalid("days", () -> RULES.deadline(d(2026, 9, 30), -1));
        assertInvalid("days", () -> RULES.deadline(d(2026, 9, 30), CalendarRules.MAX_WORKING_DAYS + 1));
        assertInvalid("days", () -> RULES.deadline(d(2026, 9, 30), Integer.MAX_VALUE));
        assertInvalid("from", () -> RULES.deadline(null, 5));
        assertInvalid("from", () -> RULES.workingDaysBetween(null, d(2026, 1, 1)));
        assertInvalid("to", () -> RULES.workingDaysBetween(d(2026, 1, 1), null));
        assertInvalid("to", () -> RULES.days(d(2026, 1, 2), d(2026, 1, 1)));
        assertInvalid("to", () -> RULES.days(d(2025, 1, 1), d(2025, 1, 1).plusDays(400)));
        assertInvalid("from", () -> RULES.days(null, d(2026, 1, 1)));
        assertInvalid("date", () -> RULES.day(null));
        assertInvalid("from", () -> RULES.deadline(LocalDate.MAX.minusDays(3), 10));
        assertInvalid("from", () -> RULES.workingDaysBetween(LocalDate.MIN, LocalDate.MAX));
        // Questions are about 1949 to 2200, the years a schedule may be for.
        assertInvalid("to", () -> RULES.workingDaysBetween(d(2026, 1, 1), d(2201, 1, 1)));
        assertInvalid("from", () -> RULES.days(d(1948, 12, 31), d(1949, 1, 1)));
        assertInvalid("date", () -> RULES.day(d(2201, 1, 1)));
        assertEquals(d(1949, 1, 3), RULES.deadline(d(1949, 1, 1), 1), "Saturday 1 January 1949: Monday");
        assertEquals(d(2201, 1, 1), RULES.deadline(d(2200, 12, 31), 1), "an answer may fall after 2200");
    }

    @Test
    void inconsistentInputIsRefused() {
        HolidaySchedule y2026 = RULES.schedule(2026).orElseThrow();
        assertInvalid("national", () -> new CalendarRules(Map.of(2025, y2026), Map.of()));
        HolidaySchedule stray = new HolidaySchedule(2027, List.of(), List.of(new HolidayDay("元旦", d(2026, 1, 1), true)));
        assertInvalid("national", () -> new CalendarRules(Map.of(2027, stray), Map.of()));
        assertInvalid("centerDays", () -> RULES.withCenterDays(Map.of(
                d(2026, 1, 5), new CenterDay(d(2026, 1, 6), false, "错位"))));
        assertInvalid("centerDays", () -> RULES.withCenterDays(Map.of(
                d(9999, 1, 5), new CenterDay(d(9999, 1, 5), false, "过远"))));
    }

    private static void assertInvalid(String field, Executable call) {
        OneStopException e = assertThrows(OneStopException.class, call);
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals(field, e.field());
        assertFalse(e.getMessage().isBlank());
    }

    /** The definition, step by step: the reference the constant-time arithmetic must agree with. */
    private static LocalDate countDayByDay(CalendarRules rules, LocalDate start, int n) {
        LocalDate day = start;
        if (n == 0) {
            while (!rules.day(day).working()) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (rules.day(day).working()) {
                counted++;
            }
        }
        return day;
    }
}
