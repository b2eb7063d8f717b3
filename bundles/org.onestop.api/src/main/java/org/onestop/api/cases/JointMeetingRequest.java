package org.onestop.api.cases;

import java.util.List;

/**
 * A joint review meeting (联审会) on a joint case. Every department whose part is still open and that did
 * not attend is taken to consent (缺席默认).
 *
 * @param attended the departments present, each with what it said
 * @param act      who records the meeting, where and when (the meeting's day)
 */
public record JointMeetingRequest(List<JointOpinion> attended, ActDetails act) {

    public JointMeetingRequest {
        attended = attended == null ? List.of() : List.copyOf(attended);
    }
}
