package org.onestop.api.cases;

import org.onestop.api.catalog.MaterialForm;

/**
 * A material the applicant handed in, named as in the item's list.
 *
 * @param name   the material's name as the item lists it
 * @param form   the form it came in
 * @param copies how many copies
 */
public record SubmittedMaterial(String name, MaterialForm form, int copies) {
}
