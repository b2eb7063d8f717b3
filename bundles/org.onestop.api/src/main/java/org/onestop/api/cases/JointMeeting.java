package org.onestop.api.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A joint review meeting held on a joint case (联审会).
 *
 * @param heldOn   the day it was held
 * @param attended the departments present
 * @param absent   the departments asked but absent; each open part of theirs was taken to consent
 * @param recorder who recorded it
 */
public record JointMeeting(LocalDate heldOn, List<String> attended, List<String> absent, String recorder) {

    public JointMeeting {
        attended = attended == null ? List.of() : List.copyOf(attended);
        absent = absent == null ? List.of() : List.copyOf(absent);
    }
}
