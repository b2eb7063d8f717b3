package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * Where a reported case (上报件) stands at the higher-level center.
 *
 * @param toCenterId   the higher-level center
 * @param toCenterName its name
 * @param reportedOn   the day it was forwarded
 * @param reference    the higher level's reference; may be null
 * @param status       the latest status the higher level gave
 * @param statusOn     the day of that status
 */
public record Report(String toCenterId, String toCenterName, LocalDate reportedOn, String reference, String status,
        LocalDate statusOn) {
}
