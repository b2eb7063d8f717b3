package org.onestop.core.internal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.calendar.DayInfo;
import org.onestop.api.calendar.HolidaySchedule;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.core.internal.catalog.CatalogRules;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.catalog.Check;
import org.onestop.store.Store;

/**
 * The working-day clock of every center (工作日历). Each center's rules (national schedules plus its own
 * days) are built once and kept until its days or the schedules change. A null center id asks the
 * national calendar alone.
 */
public final class WorkCalendarImpl implements WorkCalendar {

    private static final String NATIONAL = "";

    private final Store store;
    private final NationalSchedules schedules;
    private final Map<String, Cached> rulesByCenter = new ConcurrentHashMap<>();

    private record Cached(Map<Integer, HolidaySchedule> national, CalendarRules rules) {
    }

    public WorkCalendarImpl(Store store, NationalSchedules schedules) {
        this.store = store;
        this.schedules = schedules;
    }

    /** Forgets the cached rules of a center whose own days changed outside this service. */
    public void forget(String centerId) {
        rulesByCenter.remove(centerId);
    }

    private CalendarRules rules(String centerId) {
        Map<Integer, HolidaySchedule> national = schedules.byYear();
        String key = centerId == null ? NATIONAL : centerId;
        Cached cached = rulesByCenter.get(key);
        if (cached != null && cached.national() == national) {
            return cached.rules();
        }
        Map<LocalDate, CenterDay> own = centerId == null ? Map.of()
                : store.read(s -> {
                    CatalogServiceImpl.requireCenter(s, centerId);
                    return s.centerDays(centerId);
                }).stream().collect(Collectors.toMap(CenterDay::date, Function.identity()));
        CalendarRules rules = new CalendarRules(national, own);
        rulesByCenter.put(key, new Cached(national, rules));
        return rules;
    }

    @Override
    public DayInfo day(String centerId, LocalDate date) {
        if (date == null) {
            throw OneStopException.invalid("date", "日期不能为空");
        }
        return rules(centerId).day(date);
    }

    @Override
    public LocalDate deadline(String centerId, LocalDate start, int workingDays) {
        return rules(centerId).deadline(start, workingDays);
    }

    @Override
    public int workingDaysBetween(String centerId, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw OneStopException.invalid(from == null ? "from" : "to", "日期不能为空");
        }
        return rules(centerId).workingDaysBetween(from, to);
    }

    @Override
    public List<DayInfo> days(String centerId, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw OneStopException.invalid(from == null ? "from" : "to", "日期不能为空");
        }
        return rules(centerId).days(from, to);
    }

    @Override
    public List<Integer> knownYears() {
        return new ArrayList<>(new java.util.TreeSet<>(schedules.byYear().keySet()));
    }

    @Override
    public Optional<HolidaySchedule> schedule(int year) {
        return Optional.ofNullable(schedules.byYear().get(year));
    }

    @Override
    public List<CenterDay> centerDays(String centerId) {
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.centerDays(centerId);
        });
    }

    @Override
    public CenterDay saveCenterDay(String centerId, CenterDay day) {
        CatalogRules.centerDay(day, Check.at(""));
        store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            s.saveCenterDay(centerId, day);
            return day;
        });
        forget(centerId);
        return day;
    }
}
