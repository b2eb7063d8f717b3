package org.onestop.api.calendar;

import java.time.LocalDate;

/**
 * One day of a State Council holiday notice, in the layout public holiday data already uses
 * (holiday-cn: {@code {"name": "春节", "date": "2026-02-15", "isOffDay": true}}).
 *
 * @param name     the holiday it belongs to
 * @param date     the day
 * @param isOffDay true for a day off (放假); false for a weekend day that becomes a working day (调休上班)
 */
public record HolidayDay(String name, LocalDate date, boolean isOffDay) {
}
