package org.onestop.api.cases;

import java.util.List;

/**
 * What the applicant brings after a one-time notice (补正). A material named like one already handed in
 * replaces it.
 *
 * @param materials the materials brought
 * @param act       who takes them, where and when; a window means the applicant came in person
 */
public record SupplementRequest(List<SubmittedMaterial> materials, ActDetails act) {

    public SupplementRequest {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
