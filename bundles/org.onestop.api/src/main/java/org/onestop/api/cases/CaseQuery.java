package org.onestop.api.cases;

import java.util.Set;

/**
 * A filter over a center's cases; null fields match all.
 *
 * @param state         only cases in this state
 * @param itemCode      only cases of this item
 * @param departmentIds only cases of these departments, and the joint cases they take part in (an empty set
 *                      matches none); null for all
 * @param limit         at most this many, newest first (1 to 500; 50 when 0)
 */
public record CaseQuery(CaseState state, String itemCode, Set<String> departmentIds, int limit) {

    public CaseQuery {
        departmentIds = departmentIds == null ? null : Set.copyOf(departmentIds);
    }

    /** Cases of every department. */
    public CaseQuery(CaseState state, String itemCode, int limit) {
        this(state, itemCode, null, limit);
    }
}
