package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * Who does an act, where, and for which business day.
 *
 * @param actor  the clerk (required)
 * @param window the window; may be null
 * @param note   free text; may be null
 * @param on     the business day the act counts for; today when null. A clerk entering a paper case
 *               afterwards (补录) gives the real day; it may not lie in the future nor before the
 *               case's previous act.
 */
public record ActDetails(String actor, String window, String note, LocalDate on) {

    public static ActDetails by(String actor, String window) {
        return new ActDetails(actor, window, null, null);
    }
}
