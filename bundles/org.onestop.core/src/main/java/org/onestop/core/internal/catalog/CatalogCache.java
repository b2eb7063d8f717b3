package org.onestop.core.internal.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;
import org.onestop.store.StoreSession;

/**
 * The catalog records every case act reads (the center, a department, the item in force), kept between
 * acts: they change only when the catalog does, and reading them again for each act cost a third of an
 * act's queries. Every write to the catalog calls {@link #changed()} after its commit.
 *
 * <p>An entry carries the generation it was read in and counts only in that generation, so a read that
 * raced a change can never be served after it.
 */
public final class CatalogCache {

    /** Past this many entries a map starts over: item-in-force keys grow with the days. */
    private static final int MAX_ENTRIES = 10_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry<Center>> centers = new ConcurrentHashMap<>();
    private final Map<String, Entry<Department>> departments = new ConcurrentHashMap<>();
    private final Map<String, Entry<Item>> itemsInForce = new ConcurrentHashMap<>();

    private record Entry<T>(long generation, Optional<T> value) {
    }

    /** The catalog changed: nothing read before counts any more. */
    public void changed() {
        generation.incrementAndGet();
        centers.clear();
        departments.clear();
        itemsInForce.clear();
    }

    /** The center, or a NOT_FOUND naming it, as {@link CatalogServiceImpl#requireCenter} answers. */
    public Center center(StoreSession s, String centerId) {
        if (centerId == null) {
            return CatalogServiceImpl.requireCenter(s, null);
        }
        return cached(centers, centerId, () -> s.center(centerId))
                .orElseGet(() -> CatalogServiceImpl.requireCenter(s, centerId));
    }

    public Optional<Department> department(StoreSession s, String centerId, String departmentId) {
        return cached(departments, centerId + '\u0000' + departmentId, () -> s.department(centerId, departmentId));
    }

    public Optional<Item> itemInForce(StoreSession s, String centerId, String code, LocalDate day) {
        return cached(itemsInForce, centerId + '\u0000' + code + '\u0000' + day, () -> s.itemInForce(centerId, code, day));
    }

    private <T> Optional<T> cached(Map<String, Entry<T>> map, String key, Supplier<Optional<T>> read) {
        long now = generation.get();
        Entry<T> entry = map.get(key);
        if (entry != null && entry.generation() == now) {
            return entry.value();
        }
        Optional<T> value = read.get();
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Entry<>(now, value));
        return value;
    }
}
