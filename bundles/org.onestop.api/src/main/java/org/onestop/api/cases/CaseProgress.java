package org.onestop.api.cases;

import java.util.List;

/**
 * Everything a case went through beyond its state: notices, steps, special procedures, extensions, the
 * parts of a joint case, the report to a higher level, the decision, the delivery, visits and breaches.
 *
 * @param conditionsMet    the conditional materials whose condition applies to the applicant, as received
 * @param flagged          the problems notices raised that the applicant has not yet answered by handing the
 *                         material in again, in the order notified; the case is accepted only when none is left
 * @param settled          materials a notice found in order (present and unflagged), not handed in again since:
 *                         a later notice may not flag them (一次性告知)
 * @param notices          how many one-time notices were issued
 * @param completeAtIntake true when the case was accepted without any notice (the two-visit rule applies)
 * @param visits           how many times the applicant came to a window for it
 * @param steps            the item's steps; the first is completed by acceptance
 * @param pauses           special procedures, the running one last
 * @param extensions       extension requests, the pending one last
 * @param subCases         a joint case's parts, one per department; empty for other cases
 * @param meetings         a joint case's review meetings
 * @param report           a reported case's status at the higher level; null otherwise
 * @param decision         approved or denied; null before the decision
 * @param delivery         how the decision was delivered; null before
 * @param breaches         breaches of the center's rules recorded on the case
 */
public record CaseProgress(List<String> conditionsMet, List<MaterialProblem> flagged, List<String> settled,
        int notices, boolean completeAtIntake, int visits,
        List<StepProgress> steps, List<PauseRecord> pauses, List<Extension> extensions, List<SubCase> subCases,
        List<JointMeeting> meetings, Report report, Decision decision, Delivery delivery, List<Breach> breaches) {

    public CaseProgress {
        conditionsMet = copy(conditionsMet);
        flagged = copy(flagged);
        settled = copy(settled);
        steps = copy(steps);
        pauses = copy(pauses);
        extensions = copy(extensions);
        subCases = copy(subCases);
        meetings = copy(meetings);
        breaches = copy(breaches);
    }

    /** A case just received: nothing has happened yet beyond the first visit (for a window application). */
    public static CaseProgress start(int visits) {
        return new CaseProgress(List.of(), List.of(), List.of(), 0, false, visits, List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, null, List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
