package org.onestop.api.cases;

import java.util.List;

/**
 * A one-time notice (一次性告知 / 补正材料通知书). The platform adds by itself every material that is
 * missing, in the wrong form or short of copies against the item's list; {@code problems} are what the
 * clerk found besides, such as a form filled in wrongly.
 *
 * @param problems what the clerk found beyond the platform's check; may be empty
 * @param act      who issues it, where and when
 */
public record NoticeRequest(List<MaterialProblem> problems, ActDetails act) {

    public NoticeRequest {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
