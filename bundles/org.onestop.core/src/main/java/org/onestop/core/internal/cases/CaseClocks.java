package org.onestop.core.internal.cases;

import java.time.LocalDate;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SubCaseState;

/**
 * The one definition of a case's clock (时限): deadline = the promised limit in working days from
 * acceptance (the acceptance day not counted), on the center's calendar, plus the working days of special
 * procedures, plus approved extensions. Everything that shows or stores a deadline asks this class.
 */
final class CaseClocks {

    private final WorkCalendar calendar;
    private final LightThresholds thresholds;

    CaseClocks(WorkCalendar calendar, LightThresholds thresholds) {
        this.calendar = calendar;
        this.thresholds = thresholds;
    }

    /** The deadline with the special procedures ended so far and the approved extensions. */
    LocalDate deadline(String centerId, LocalDate acceptedOn, int limit, CaseProgress progress) {
        return calendar.deadline(centerId, acceptedOn, limit + extensionDays(progress) + pausedDays(progress));
    }

    /** Working days not counted for a procedure from {@code from} to {@code to}: those after from, up to to. */
    int pausedDays(String centerId, LocalDate from, LocalDate to) {
        return to.isAfter(from) ? calendar.workingDaysBetween(centerId, from, to) : 0;
    }

    CaseClock clock(Case c, int limit, LocalDate asOf) {
        CaseProgress p = c.progress();
        int extension = extensionDays(p);
        if (c.acceptedOn() == null) {
            return new CaseClock(asOf, limit, null, 0, limit, null, 0, extension, false);
        }
        PauseRecord running = p.pauses().isEmpty() ? null : p.pauses().get(p.pauses().size() - 1);
        int runningDays = running != null && running.running() ? pausedDays(c.centerId(), running.from(), asOf) : 0;
        int paused = pausedDays(p) + runningDays;
        LocalDate end = c.concludedOn() != null ? c.concludedOn() : asOf;
        LocalDate deadline = calendar.deadline(c.centerId(), c.acceptedOn(), limit + extension + paused);
        int used = Math.max(0, calendar.workingDaysBetween(c.centerId(), c.acceptedOn(), end) - paused);
        int left = limit + extension - used;
        boolean ended = c.concludedOn() != null;
        return new CaseClock(asOf, limit, deadline, used, left, light(end.isAfter(deadline), ended, left, limit + extension),
                paused, extension, !ended && (running == null || !running.running()));
    }

    /** A joint part's own clock: from the parent's acceptance to its answer, against its own limit. */
    CaseClock clock(String centerId, SubCase part, LocalDate asOf) {
        boolean answered = part.state() != SubCaseState.PENDING;
        LocalDate end = answered ? part.answeredOn() : asOf;
        int used = Math.max(0, calendar.workingDaysBetween(centerId, part.startedOn(), end));
        int left = part.limitDays() - used;
        return new CaseClock(asOf, part.limitDays(), part.deadline(), used, left,
                light(end.isAfter(part.deadline()), answered, left, part.limitDays()), 0, 0, !answered);
    }

    private Light light(boolean overdue, boolean ended, int left, int limit) {
        if (overdue) {
            return Light.RED;
        }
        return !ended && left <= thresholds.yellowAt(limit) ? Light.YELLOW : Light.GREEN;
    }

    static int extensionDays(CaseProgress p) {
        return p.extensions().stream().filter(e -> e.status() == ExtensionStatus.APPROVED).mapToInt(Extension::days).sum();
    }

    /** Working days of the special procedures that have ended. */
    static int pausedDays(CaseProgress p) {
        return p.pauses().stream().filter(r -> !r.running()).mapToInt(PauseRecord::workingDays).sum();
    }
}
