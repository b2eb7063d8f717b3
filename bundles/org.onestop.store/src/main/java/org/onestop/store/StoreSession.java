package org.onestop.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed reads and writes of one transaction. Records are taken and returned whole; the services
 * above have validated them. Case events are only ever appended.
 */
@ProviderType
public interface StoreSession {

    List<Center> centers();

    Optional<Center> center(String centerId);

    Optional<Center> centerByRegionCode(String regionCode);

    /** Inserts the center, or replaces the stored one with the same id. */
    void saveCenter(Center center);

    List<Department> departments(String centerId);

    Optional<Department> department(String centerId, String departmentId);

    void saveDepartment(String centerId, Department department);

    /** The newest version of every item of the center, ordered by code. */
    List<Item> latestItems(String centerId);

    Optional<Item> latestItem(String centerId, String code);

    Optional<Item> itemVersion(String centerId, String code, int version);

    /** The version with the latest {@code effectiveFrom} on or before {@code day}, the newest among equals. */
    Optional<Item> itemInForce(String centerId, String code, LocalDate day);

    List<Item> itemHistory(String centerId, String code);

    /** Adds a version; the pair (code, version) must be new. */
    void insertItemVersion(String centerId, Item item);

    List<CenterDay> centerDays(String centerId);

    void saveCenterDay(String centerId, CenterDay day);

    /** The next number of the center's daily case sequence (1 for the first case of the day). */
    int nextCaseSequence(String centerId, LocalDate day);

    /** Stores a new case and its whole timeline. */
    void insertCase(String centerId, Case c);

    /**
     * Writes the case's new state and appends {@code event}, provided the stored revision is still
     * {@code expectedRevision}; the stored revision becomes {@code c.revision()}.
     *
     * @return false when another writer changed the case first (nothing was written)
     */
    boolean updateCase(String centerId, Case c, int expectedRevision, CaseEvent event);

    /** The case with its whole timeline. */
    Optional<Case> findCase(String centerId, String number);

    /** Cases without their timelines, newest first. */
    List<Case> cases(String centerId, CaseQuery query);
}
