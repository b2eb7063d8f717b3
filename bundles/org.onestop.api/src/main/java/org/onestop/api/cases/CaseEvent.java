package org.onestop.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

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
 * @param data      what the act decided, by name: for example {@code procedure}, {@code days},
 *                  {@code step}, {@code decision}, {@code document} (the number of the document it issued),
 *                  {@code rule}; never personal data
 */
public record CaseEvent(int sequence, CaseAct act, LocalDate on, Instant at, String actor, String window,
        String note, Map<String, String> data) {

    public CaseEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
