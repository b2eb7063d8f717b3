package org.onestop.core.internal.documents;

import java.util.Objects;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;

/**
 * What one document (文书) is issued from: the case after the act, its event, and where it stands.
 * The document's number is the case's number, {@code -D} and {@code position}; it is dated the event's
 * business day and issued by the event's actor.
 *
 * @param center     the issuing center
 * @param department the department deciding the case
 * @param item       the item version the case keeps
 * @param c          the case as the act left it (its deadline, decision and delivery already set)
 * @param event      the event of the act that issues the document
 * @param position   1 for the case's first document, then one more for each
 */
public record DocumentContext(Center center, Department department, Item item, Case c, CaseEvent event, int position) {

    public DocumentContext {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(event, "event");
        if (position < 1) {
            throw new IllegalArgumentException("文书序号从1开始：" + position);
        }
    }
}
