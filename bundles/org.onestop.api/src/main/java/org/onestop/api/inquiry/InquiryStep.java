package org.onestop.api.inquiry;

import java.time.Instant;

/**
 * One entry of an inquiry's history, append-only.
 *
 * @param sequence 1 for the opening, then one more for each
 * @param kind     opened, handed over or closed
 * @param at       when
 * @param actor    who did it
 * @param owner    who owns the inquiry after it
 * @param window   the window that owns it after it; may be null
 * @param note     what was said or done
 */
public record InquiryStep(int sequence, InquiryStepKind kind, Instant at, String actor, String owner, String window,
        String note) {
}
