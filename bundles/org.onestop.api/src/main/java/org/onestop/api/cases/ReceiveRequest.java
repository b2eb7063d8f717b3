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
 * @param conditionsMet the names of the item's conditional materials whose condition applies to this
 *                      applicant (for example 授权委托书 when someone applies for another); these are then
 *                      required
 */
public record ReceiveRequest(String itemCode, Applicant applicant, Channel channel,
        List<SubmittedMaterial> materials, ActDetails act, List<String> conditionsMet) {

    public ReceiveRequest {
        materials = materials == null ? List.of() : List.copyOf(materials);
        conditionsMet = conditionsMet == null ? List.of() : List.copyOf(conditionsMet);
    }

    /** An application to which no conditional material applies. */
    public ReceiveRequest(String itemCode, Applicant applicant, Channel channel, List<SubmittedMaterial> materials,
            ActDetails act) {
        this(itemCode, applicant, channel, materials, act, List.of());
    }
}
