package org.onestop.api.catalog;

/**
 * What an import of a {@link CatalogDocument} changed.
 *
 * @param centerId           the center imported
 * @param centerCreated      true when the center was new
 * @param departmentsSaved   departments created or changed
 * @param itemsCreated       items that did not exist before
 * @param itemVersionsAdded  new versions of existing items
 * @param itemsUnchanged     items equal to their current version
 * @param calendarDaysSaved  center calendar days created or changed
 */
public record ImportReport(String centerId, boolean centerCreated, int departmentsSaved, int itemsCreated,
        int itemVersionsAdded, int itemsUnchanged, int calendarDaysSaved) {
}
