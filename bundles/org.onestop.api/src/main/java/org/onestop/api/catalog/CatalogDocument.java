package org.onestop.api.catalog;

import java.util.List;
import org.onestop.api.calendar.CenterDay;

/**
 * One center's catalog as it is exchanged in a file: the center, its own calendar days, its
 * departments and its items. Importing it creates what is missing and a new item version for each
 * item that changed.
 */
public record CatalogDocument(Center center, List<CenterDay> calendarDays, List<Department> departments,
        List<Item> items) {

    public CatalogDocument {
        calendarDays = calendarDays == null ? List.of() : List.copyOf(calendarDays);
        departments = departments == null ? List.of() : List.copyOf(departments);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
