package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * A request for more working days and its decision (延期).
 *
 * @param days        working days asked for
 * @param reason      why they were asked for
 * @param requestedBy who asked
 * @param requestedOn the day it was asked
 * @param status      requested, approved or rejected
 * @param decidedBy   the approver; null while pending
 * @param decidedOn   the day of the decision; null while pending
 * @param note        the approver's words; may be null
 */
public record Extension(int days, String reason, String requestedBy, LocalDate requestedOn, ExtensionStatus status,
        String decidedBy, LocalDate decidedOn, String note) {
}
