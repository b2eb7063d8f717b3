package org.onestop.api.cases;

/**
 * Delivering the decision (送达).
 *
 * @param method         window pick-up, mail or electronic (required)
 * @param recipient      who received it; the applicant when null
 * @param trackingNumber the mail's tracking number; required for mail
 * @param address        the postal or electronic address; required for mail and electronic delivery
 * @param act            who delivers, where and when; a window pick-up is a visit of the applicant
 */
public record DeliveryRequest(DeliveryMethod method, String recipient, String trackingNumber, String address,
        ActDetails act) {

    /** The applicant picks the decision up at the window. */
    public static DeliveryRequest atWindow(ActDetails act) {
        return new DeliveryRequest(DeliveryMethod.WINDOW, null, null, null, act);
    }
}
