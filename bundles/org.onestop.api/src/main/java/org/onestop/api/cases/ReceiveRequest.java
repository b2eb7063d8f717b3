package org.onestop.api.cases;

import java.util.List;

/**
 * What a clerk enters to receive an application (收件).
 *
 * @param itemCode  the item applied for
 * @param applicant who applies; the identifier is checked (GB 11643 or GB 32100)
 * @param channel   how it came in; window when null
 * @param materials what was handed in
 * @param act       who receives it, where and when
 */
public record ReceiveRequest(String itemCode, Applicant applicant, Channel channel,
        List<SubmittedMaterial> materials, ActDetails act) {

    public ReceiveRequest {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
