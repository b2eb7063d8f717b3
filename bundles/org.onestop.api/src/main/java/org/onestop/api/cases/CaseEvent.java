package org.onestop.api.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a case's append-only timeline: who did what, when and at which window.
 *
 * @param sequence  1 for the first event of the case, then one more for each
 * @param act       what was done
 * @param on        the business day the act counts for (the clock's day)
 * @param at        the instant it was recorded
 * @param actor     who did it (a clerk's name or account)
 * @param window    the window it was done at; may be null (online)
 * @param note      free text the clerk entered; may be null
 */
public record CaseEvent(int sequence, CaseAct act, LocalDate on, Instant at, String actor, String window,
        String note) {
}
