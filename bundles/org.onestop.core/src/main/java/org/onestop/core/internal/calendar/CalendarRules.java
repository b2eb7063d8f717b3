package org.onestop.core.internal.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.calendar.DayInfo;
import org.onestop.api.calendar.DayKind;
import org.onestop.api.calendar.HolidayDay;
import org.onestop.api.calendar.HolidaySchedule;

/**
 * The working-day calendar (工作日历) of one center: the national schedules (法定节假日与调休) plus the
 * center's own days, and the deadline arithmetic every time limit (办理时限) uses. A day is, in this
 * order, what the center declared, what the national notice of its year says, or a plain week day.
 *
 * <p>The start day of a limit is not counted and a deadline never lands on a day off. Years without a
 * schedule are counted as plain weeks (Monday to Friday). Immutable and thread-safe; deadlines and
 * counts take constant time, because they are called for every case on every screen refresh.
 */
public final class CalendarRules {

    /** The longest limit accepted: ten years of working days is beyond any legal time limit. */
    public static final int MAX_WORKING_DAYS = 3650;
    /** The longest span {@link #days} lists: a year plus a margin, enough for any calendar view. */
    public static final int MAX_LISTED_DAYS = 400;

    /** The years a schedule or a center day may be for; they bound the size of the lookup table. */
    private static final int MIN_YEAR = 1949;
    private static final int MAX_YEAR = 2200;

    private final Map<Integer, HolidaySchedule> national;
    private final Map<LocalDate, HolidayDay> nationalDays;
    private final Map<LocalDate, CenterDay> centerDays;
    private final WorkingDayIndex index;

    /**
     * @param national   the national schedule of each known year, keyed by its year
     * @param centerDays the center's own days, keyed by their date
     * @throws OneStopException when a key does not match its value or a date is outside 1949–2200
     */
    public CalendarRules(Map<Integer, HolidaySchedule> national, Map<LocalDate, CenterDay> centerDays) {
        this(checkedNational(national), indexNational(national), checkedCenterDays(centerDays));
    }

    private CalendarRules(Map<Integer, HolidaySchedule> national, Map<LocalDate, HolidayDay> nationalDays,
            Map<LocalDate, CenterDay> centerDays) {
        this.national = national;
        this.nationalDays = nationalDays;
        this.centerDays = centerDays;
        this.index = buildIndex();
    }

    /** A copy of these rules with other center days and the same national schedules. */
    public CalendarRules withCenterDays(Map<LocalDate, CenterDay> days) {
        return new CalendarRules(national, nationalDays, checkedCenterDays(days));
    }

    /** The years that have a national schedule, ascending. */
    public List<Integer> knownYears() {
        return List.copyOf(national.keySet());
    }

    /** The national schedule of a year, if known. */
    public Optional<HolidaySchedule> schedule(int year) {
        return Optional.ofNullable(national.get(year));
    }

    /** The center's own days, ascending by date. */
    public Map<LocalDate, CenterDay> centerDays() {
        return centerDays;
    }

    /** What kind of day {@code date} is: center day, else national schedule, else plain week. */
    public DayInfo day(LocalDate date) {
        asked("date", date, "日期");
        CenterDay own = centerDays.get(date);
        if (own != null) {
            return new DayInfo(date, own.working() ? DayKind.CENTER_WORKDAY : DayKind.CENTER_OFF, own.reason());
        }
        HolidayDay holiday = nationalDays.get(date);
        if (holiday != null) {
            return new DayInfo(date, holiday.isOffDay() ? DayKind.HOLIDAY : DayKind.MAKE_UP_WORKDAY, holiday.name());
        }
        return new DayInfo(date, isWeekend(date) ? DayKind.WEEKEND : DayKind.WEEKDAY, null);
    }

    /**
     * The day a limit of {@code workingDays} working days counted from {@code start} ends: the n-th
     * working day after {@code start}. With 0 it is {@code start} when that is a working day, else the
     * next working day.
     *
     * @throws OneStopException on field {@code from} when start is missing, on {@code days} when the
     *                          limit is negative or above {@value #MAX_WORKING_DAYS}
     */
    public LocalDate deadline(LocalDate start, int workingDays) {
        asked("from", start, "起算日期");
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw OneStopException.invalid("days",
                    "期限应为 0 到 " + MAX_WORKING_DAYS + " 个工作日，不能是 " + workingDays);
        }
        long day = start.toEpochDay();
        // With 0 days the first working day on or after start is wanted, so count from the day before.
        long target = workingDays == 0 ? index.rank(day - 1) + 1 : index.rank(day) + workingDays;
        return toDate(index.dayOfRank(target), "from");
    }

    /**
     * The working days in {@code (from, to]}; when {@code to} is before {@code from}, minus the working
     * days in {@code (to, from]}. For n ≥ 1, {@code workingDaysBetween(s, deadline(s, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        asked("from", from, "开始日期");
        asked("to", to, "结束日期");
        return (int) (index.rank(to.toEpochDay()) - index.rank(from.toEpochDay()));
    }

    /**
     * A date a question is about: within the years a schedule may be for, so that no question runs the
     * calendar through thousands of years (an answer may still end up to {@value #MAX_WORKING_DAYS} working
     * days later).
     */
    private static void asked(String field, LocalDate date, String what) {
        if (date == null) {
            throw OneStopException.invalid(field, what + "不能为空");
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw OneStopException.invalid(field, what + "应在 " + MIN_YEAR + " 年至 " + MAX_YEAR + " 年之间，不能是 " + date);
        }
    }

    /** Every day from {@code from} to {@code to}, both included, at most {@value #MAX_LISTED_DAYS}. */
    public List<DayInfo> days(LocalDate from, LocalDate to) {
        asked("from", from, "开始日期");
        asked("to", to, "结束日期");
        if (to.isBefore(from)) {
            throw OneStopException.invalid("to", "结束日期不能早于开始日期");
        }
        long count = to.toEpochDay() - from.toEpochDay() + 1;
        if (count > MAX_LISTED_DAYS) {
            throw OneStopException.invalid("to", "一次最多查询 " + MAX_LISTED_DAYS + " 天，当前为 " + count + " 天");
        }
        List<DayInfo> days = new ArrayList<>((int) count);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(d));
        }
        return List.copyOf(days);
    }

    private WorkingDayIndex buildIndex() {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int year : national.keySet()) {
            low = Math.min(low, year);
            high = Math.max(high, year);
        }
        for (LocalDate date : centerDays.keySet()) {
            low = Math.min(low, date.getYear());
            high = Math.max(high, date.getYear());
        }
        if (low > high) {
            return new WorkingDayIndex(0, -1, day -> false); // nothing but plain weeks
        }
        long first = LocalDate.of(low, 1, 1).toEpochDay();
        long last = LocalDate.of(high, 12, 31).toEpochDay();
        return new WorkingDayIndex(first, last, day -> day(LocalDate.ofEpochDay(day)).working());
    }

    private static LocalDate toDate(long epochDay, String field) {
        try {
            return LocalDate.ofEpochDay(epochDay);
        } catch (DateTimeException e) {
            throw OneStopException.invalid(field, "日期超出可计算的范围");
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static Map<Integer, HolidaySchedule> checkedNational(Map<Integer, HolidaySchedule> national) {
        Objects.requireNonNull(national, "national");
        Map<Integer, HolidaySchedule> sorted = new TreeMap<>();
        national.forEach((year, schedule) -> {
            if (year == null || schedule == null || year != schedule.year()) {
                throw OneStopException.invalid("national", year + " 年的键与节假日安排的年份不一致");
            }
            checkYear(year, "national");
            sorted.put(year, schedule);
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static Map<LocalDate, HolidayDay> indexNational(Map<Integer, HolidaySchedule> national) {
        Map<LocalDate, HolidayDay> days = new HashMap<>();
        for (HolidaySchedule schedule : national.values()) {
            for (HolidayDay day : schedule.days()) {
                if (day == null || day.date() == null || day.date().getYear() != schedule.year()) {
                    throw OneStopException.invalid("national",
                            schedule.year() + " 年的节假日安排含有不属于该年的日期：" + (day == null ? null : day.date()));
                }
                if (days.putIfAbsent(day.date(), day) != null) {
                    throw OneStopException.invalid("national", day.date() + " 在节假日安排中出现了两次");
                }
            }
        }
        return days;
    }

    private static Map<LocalDate, CenterDay> checkedCenterDays(Map<LocalDate, CenterDay> days) {
        Objects.requireNonNull(days, "centerDays");
        Map<LocalDate, CenterDay> sorted = new TreeMap<>();
        days.forEach((date, day) -> {
            if (date == null || day == null || !date.equals(day.date())) {
                throw OneStopException.invalid("centerDays", date + " 的键与本中心日期不一致");
            }
            checkYear(date.getYear(), "centerDays");
            sorted.put(date, day);
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static void checkYear(int year, String field) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw OneStopException.invalid(field, "年份应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间：" + year);
        }
    }
}
