package org.onestop.api.cases;

/**
 * A filter over a center's cases; null fields match all.
 *
 * @param state    only cases in this state
 * @param itemCode only cases of this item
 * @param limit    at most this many, newest first (1 to 500; 50 when 0)
 */
public record CaseQuery(CaseState state, String itemCode, int limit) {
}
