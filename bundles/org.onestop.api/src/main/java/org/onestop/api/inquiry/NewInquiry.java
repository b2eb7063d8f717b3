package org.onestop.api.inquiry;

/**
 * What the first clerk records of an inquiry (首问登记).
 *
 * @param subject  what was asked (required)
 * @param inquirer who asked (required)
 * @param phone    a contact phone; may be null
 * @param itemCode the item it concerns, when known; may be null
 * @param clerk    the clerk asked first (required): the inquiry's owner
 * @param window   the clerk's window; may be null
 */
public record NewInquiry(String subject, String inquirer, String phone, String itemCode, String clerk, String window) {
}
