package org.onestop.api.calendar;

import java.util.List;

/**
 * One year's statutory holidays and make-up working days (法定节假日与调休) as the State Council's
 * annual notice sets them. A center drops next year's file into its base when the notice comes out.
 *
 * @param year   the calendar year
 * @param papers the notices the days come from (title or address)
 * @param days   every day that differs from the plain Monday-to-Friday week
 */
public record HolidaySchedule(int year, List<String> papers, List<HolidayDay> days) {

    public HolidaySchedule {
        papers = papers == null ? List.of() : List.copyOf(papers);
        days = days == null ? List.of() : List.copyOf(days);
    }
}
