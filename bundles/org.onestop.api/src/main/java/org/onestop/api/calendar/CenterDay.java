package org.onestop.api.calendar;

import java.time.LocalDate;

/**
 * A center's own calendar day, which overrides the national schedule for that center only: a local
 * day off, or a day the hall opens although it would be closed.
 *
 * @param date    the day
 * @param working true when the hall works that day, false when it is closed
 * @param reason  why, shown to users
 */
public record CenterDay(LocalDate date, boolean working, String reason) {
}
