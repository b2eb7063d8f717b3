package org.onestop.api.calendar;

import java.time.LocalDate;

/**
 * What the calendar says of one day at one center.
 *
 * @param date the day
 * @param kind why it is, or is not, a working day
 * @param name the holiday's name or the center's reason; null for ordinary days
 */
public record DayInfo(LocalDate date, DayKind kind, String name) {

    public boolean working() {
        return kind.working();
    }
}
