package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * Where a case stands against its time limit on a given day (时限). One definition, used everywhere:
 * deadline = the promised limit in working days from acceptance (the acceptance day not counted), on the
 * center's calendar, plus the working days of special procedures, plus approved extensions.
 *
 * @param asOf      the day this was computed for
 * @param limitDays the promised limit in working days (0 for an immediate item)
 * @param deadline  the day the case must be concluded by; null before acceptance
 * @param usedDays  working days used since acceptance (up to conclusion, when concluded)
 * @param leftDays  working days left before the deadline; negative when overdue
 * @param light     green, yellow (near the deadline) or red (overdue); null before acceptance
 * @param pausedDays    working days of special procedures, not counted
 * @param extensionDays working days added by approved extensions
 * @param running       true while the clock runs: accepted, not paused, not yet concluded or ended
 */
public record CaseClock(LocalDate asOf, int limitDays, LocalDate deadline, int usedDays, int leftDays,
        Light light, int pausedDays, int extensionDays, boolean running) {
}
