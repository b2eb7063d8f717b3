package org.onestop.core.internal.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onestop.api.cases.Case;

/**
 * The cases acted on lately, as last written, so that the next act on a case need not read it and its
 * timeline again. Only ever a hint: an act that starts from it is written with the revision guard, and one
 * that finds the hint stale starts over from the database.
 */
final class RecentCases {

    private final Map<String, Case> cases;

    RecentCases(int capacity) {
        this.cases = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Case> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Case get(String centerId, String number) {
        return cases.get(key(centerId, number));
    }

    /** Keeps {@code c} unless a later revision is already kept: two acts may finish in either order. */
    synchronized void put(Case c) {
        cases.merge(key(c.centerId(), c.number()), c, (kept, offered) -> offered.revision() > kept.revision() ? offered : kept);
    }

    synchronized void forget(String centerId, String number) {
        cases.remove(key(centerId, number));
    }

    private static String key(String centerId, String number) {
        return centerId + '\u0000' + number;
    }
}
