package org.onestop.api.catalog;

import java.util.List;

/**
 * A department stationed in the center (进驻部门), with its windows and the chief representative
 * (首席代表) it has authorized to decide in the hall.
 *
 * @param id                  short identifier, unique in the center, for example {@code market}
 * @param name                the department's full name
 * @param creditCode          its unified social credit code (GB 32100, 18 characters, checked)
 * @param windows             its counters in the hall
 * @param chiefRepresentative the name of its chief representative
 */
public record Department(String id, String name, String creditCode, List<Window> windows,
        String chiefRepresentative) {

    public Department {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
