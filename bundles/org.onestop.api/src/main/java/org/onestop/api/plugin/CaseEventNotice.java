package org.onestop.api.plugin;

import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseState;

/**
 * One committed case event, as listeners see it. It names the case instead of carrying it, so that
 * personal data reaches a plugin only when the plugin asks the case service for it.
 *
 * @param centerId   the center
 * @param caseNumber the case's number
 * @param itemCode   the item applied for
 * @param event      the event, as it stands in the timeline
 * @param stateAfter the case's state after the act
 */
public record CaseEventNotice(String centerId, String caseNumber, String itemCode, CaseEvent event,
        CaseState stateAfter) {
}
