package org.onestop.api.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A case (办件): one application of one applicant for one item, with its readable number, the item
 * version in force when it was received, its state, its deadline and its timeline of events.
 *
 * @param centerId     the center that handles it
 * @param number       region code, receipt date and daily sequence: {@code 340522-20261128-0007}
 * @param queryCode    the code given to the applicant to follow the case publicly (查询码)
 * @param itemCode     the item applied for
 * @param itemVersion  the item version the case keeps
 * @param itemName     the item's name in that version
 * @param departmentId the department deciding it
 * @param applicant    who applied
 * @param channel      how the application came in
 * @param materials    what was handed in
 * @param state        where the case stands
 * @param receivedOn   the day it was received
 * @param acceptedOn   the day it was accepted, null before
 * @param deadline     the day it must be concluded by: set at acceptance, moved by special procedures and
 *                     approved extensions
 * @param concludedOn  the day it ended (concluded, refused or withdrawn), null before
 * @param revision     raised by every act; a writer that read an older revision loses
 * @param progress     notices, steps, special procedures, extensions, joint parts, report, decision, delivery
 * @param timeline     every event, oldest first
 */
public record Case(String centerId, String number, String queryCode, String itemCode, int itemVersion,
        String itemName, String departmentId, Applicant applicant, Channel channel,
        List<SubmittedMaterial> materials, CaseState state, LocalDate receivedOn, LocalDate acceptedOn,
        LocalDate deadline, LocalDate concludedOn, int revision, CaseProgress progress, List<CaseEvent> timeline) {

    public Case {
        materials = materials == null ? List.of() : List.copyOf(materials);
        progress = progress == null ? CaseProgress.start(0) : progress;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
