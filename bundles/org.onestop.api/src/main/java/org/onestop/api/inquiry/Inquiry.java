package org.onestop.api.inquiry;

import java.time.Instant;
import java.util.List;

/**
 * An inquiry under first-inquiry responsibility (首问登记): what someone asked, who asked first, and who owns
 * it now. The first clerk owns it until handing it to the right window; the hand-over is recorded.
 *
 * @param id          its number, for example {@code SW-340522-20261128-0003}
 * @param centerId    the center
 * @param subject     what was asked
 * @param inquirer    who asked (a name; masked in public views)
 * @param phone       a contact phone; may be null (masked in public views)
 * @param itemCode    the item it concerns, when known; may be null
 * @param firstClerk  the first clerk asked (首问责任人)
 * @param owner       who owns it now
 * @param window      the window that owns it now; may be null
 * @param state       open or closed
 * @param caseNumber  the case it became, when it became one; may be null
 * @param openedAt    when it was opened
 * @param history     every step, oldest first
 */
public record Inquiry(String id, String centerId, String subject, String inquirer, String phone, String itemCode,
        String firstClerk, String owner, String window, InquiryState state, String caseNumber, Instant openedAt,
        List<InquiryStep> history) {

    public Inquiry {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
