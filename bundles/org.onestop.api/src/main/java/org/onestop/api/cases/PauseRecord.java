package org.onestop.api.cases;

import java.time.LocalDate;
import org.onestop.api.catalog.SpecialProcedure;

/**
 * A special procedure a case went through, during which the clock stood still (特别程序).
 *
 * @param procedure   which procedure
 * @param reason      why
 * @param from        the day it started
 * @param to          the day it ended; null while it runs
 * @param workingDays working days not counted: those after {@code from} up to and including {@code to}
 *                    (or the day asked about, while it runs)
 */
public record PauseRecord(SpecialProcedure procedure, String reason, LocalDate from, LocalDate to, int workingDays) {

    public boolean running() {
        return to == null;
    }
}
