package org.onestop.api.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog of every center hosted in this process (事项目录): centers, departments, items and
 * their versions. Writes validate their input and throw {@link org.onestop.api.OneStopException}
 * naming the field; nothing is stored half.
 */
@ProviderType
public interface CatalogService {

    List<Center> centers();

    Optional<Center> center(String centerId);

    /** Creates or updates a center; its parent, when named, must exist. */
    Center saveCenter(Center center);

    List<Department> departments(String centerId);

    Optional<Department> department(String centerId, String departmentId);

    Department saveDepartment(String centerId, Department department);

    /** The current version of each item of the center that matches the query, ordered by code. */
    List<Item> items(String centerId, ItemQuery query);

    /** The newest version of an item. */
    Optional<Item> item(String centerId, String code);

    /** The version of an item in force on {@code day}, the one a case received that day keeps. */
    Optional<Item> itemInForce(String centerId, String code, LocalDate day);

    /** One exact version. */
    Optional<Item> itemVersion(String centerId, String code, int version);

    /** Every version of an item, oldest first. */
    List<Item> itemHistory(String centerId, String code);

    /**
     * Stores an item. When it differs from the newest version, a new version is written in force from
     * {@code item.effectiveFrom()} (today when null); the version number given is ignored. An
     * unchanged item is returned as it is stored.
     */
    Item saveItem(String centerId, Item item);

    /** Imports a whole catalog document in one transaction: all of it is stored, or none. */
    ImportReport importCatalog(CatalogDocument document);
}
