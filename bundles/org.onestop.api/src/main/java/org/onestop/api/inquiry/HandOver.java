package org.onestop.api.inquiry;

/**
 * Handing an inquiry to the right window (转交). Only its owner may.
 *
 * @param by       the owner handing it over (required)
 * @param to       the clerk taking it (required)
 * @param toWindow the window taking it; may be null
 * @param note     what was said at the hand-over; may be null
 */
public record HandOver(String by, String to, String toWindow, String note) {
}
