package org.onestop.api.calendar;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The working-day clock of every center (工作日历). Every time limit of the platform is counted here:
 * the day a limit starts from (the day of acceptance) is not counted, and a deadline never lands on a
 * day off. A day is a working day by the national schedule of its year, unless the center has
 * declared the day otherwise.
 *
 * <p>Every method that takes a center id also takes null for the national calendar alone (statutory
 * holidays and make-up working days, no center's own days).
 *
 * <p>Dates outside the years that have a schedule are counted as plain weeks (Monday to Friday);
 * {@link #knownYears()} tells which years have one. The dates asked about must lie in 1949 to 2200
 * ({@link org.onestop.api.ErrorCode#INVALID} otherwise); an answer may fall later.
 */
@ProviderType
public interface WorkCalendar {

    /** What kind of day {@code date} is at the center. */
    DayInfo day(String centerId, LocalDate date);

    default boolean isWorkingDay(String centerId, LocalDate date) {
        return day(centerId, date).working();
    }

    /**
     * The day on which a limit of {@code workingDays} working days, counted from {@code start}, ends.
     * {@code start} itself is not counted. With 0 days the deadline is {@code start} when that is a
     * working day, else the next working day.
     *
     * @throws org.onestop.api.OneStopException when {@code workingDays} is negative
     */
    LocalDate deadline(String centerId, LocalDate start, int workingDays);

    /**
     * The working days after {@code from} up to and including {@code to}; negative when {@code to} is
     * before {@code from}. So {@code workingDaysBetween(c, s, deadline(c, s, n)) == n}.
     */
    int workingDaysBetween(String centerId, LocalDate from, LocalDate to);

    /** Every day from {@code from} to {@code to}, both included, at most 400 days. */
    List<DayInfo> days(String centerId, LocalDate from, LocalDate to);

    /** The years for which a national schedule is loaded, ascending. */
    List<Integer> knownYears();

    /** The national schedule of a year, if loaded. */
    java.util.Optional<HolidaySchedule> schedule(int year);

    /** The center's own days, by date. */
    List<CenterDay> centerDays(String centerId);

    /** Declares or changes one of the center's own days. */
    CenterDay saveCenterDay(String centerId, CenterDay day);
}
