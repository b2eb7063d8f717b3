package org.onestop.api.cases;

/**
 * Not accepting a case (不予受理), written on the 不予受理通知书 with the applicant's remedies.
 *
 * @param reason     why, in words the applicant understands (required)
 * @param legalBasis the provision it rests on (required), for example {@code 《中华人民共和国行政许可法》第三十二条}
 * @param act        who refuses, where and when
 */
public record RefusalRequest(String reason, String legalBasis, ActDetails act) {
}
