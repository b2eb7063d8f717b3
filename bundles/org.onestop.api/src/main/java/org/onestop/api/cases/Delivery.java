package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * How and when the decision reached the applicant (送达).
 *
 * @param method         window, mail or electronic
 * @param recipient      who received it
 * @param trackingNumber the mail's tracking number; null for other methods
 * @param address        the postal or electronic address; null for a window pick-up
 * @param deliveredOn    the day
 */
public record Delivery(DeliveryMethod method, String recipient, String trackingNumber, String address,
        LocalDate deliveredOn) {
}
