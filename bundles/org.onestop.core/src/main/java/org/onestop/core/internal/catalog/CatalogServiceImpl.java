package org.onestop.core.internal.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.catalog.CatalogDocument;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.ImportReport;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.api.id.CreditCode;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;

/** The catalog (事项目录) over the store: validation, item versions and whole-document imports. */
public final class CatalogServiceImpl implements CatalogService {

    private final Store store;
    private final Clock clock;
    private final Consumer<String> centerDaysChanged;
    private final CatalogCache cache;

    /**
     * @param centerDaysChanged told the id of a center whose own calendar days an import changed, after
     *                          the commit, so that cached calendars are rebuilt
     * @param cache             told of every change, after its commit
     */
    public CatalogServiceImpl(Store store, Clock clock, Consumer<String> centerDaysChanged, CatalogCache cache) {
        this.store = store;
        this.clock = clock;
        this.centerDaysChanged = centerDaysChanged;
        this.cache = cache;
    }

    /** A catalog with a cache of its own, for the command line and tests that read nothing through cases. */
    public CatalogServiceImpl(Store store, Clock clock, Consumer<String> centerDaysChanged) {
        this(store, clock, centerDaysChanged, new CatalogCache());
    }

    /** A write to the catalog, and the cache told after its commit (or its failure, which costs nothing). */
    private <T> T write(Store.Work<T> work) {
        try {
            return store.inTransaction(work);
        } finally {
            cache.changed();
        }
    }

    @Override
    public List<Center> centers() {
        return store.read(StoreSession::centers);
    }

    @Override
    public Optional<Center> center(String centerId) {
        return centerId == null ? Optional.empty() : store.read(s -> s.center(centerId));
    }

    @Override
    public Center saveCenter(Center center) {
        CatalogRules.center(center, Check.at(""));
        return write(s -> saveCenter(s, center, Check.at("")));
    }

    private static Center saveCenter(StoreSession s, Center center, Check check) {
        if (center.parentId() != null && s.center(center.parentId()).isEmpty()) {
            throw check.invalid("parentId", "上级中心“" + center.parentId() + "”不存在，请先导入上级中心");
        }
        s.centerByRegionCode(center.regionCode()).filter(other -> !other.id().equals(center.id())).ifPresent(other -> {
            throw OneStopException.conflict(check.path("regionCode"),
                    "行政区划代码" + center.regionCode() + "已由中心“" + other.name() + "”使用");
        });
        s.saveCenter(center);
        return center;
    }

    @Override
    public List<Department> departments(String centerId) {
        return inCenter(centerId, s -> s.departments(centerId));
    }

    @Override
    public Optional<Department> department(String centerId, String departmentId) {
        return inCenter(centerId, s -> s.department(centerId, departmentId));
    }

    @Override
    public Department saveDepartment(String centerId, Department department) {
        CatalogRules.department(department, Check.at(""));
        Department normalized = normalize(department);
        return write(s -> {
            requireCenter(s, centerId);
            s.saveDepartment(centerId, normalized);
            return normalized;
        });
    }

    private static Department normalize(Department d) {
        return new Department(d.id(), d.name().strip(), CreditCode.normalize(d.creditCode()), d.windows(),
                d.chiefRepresentative());
    }

    @Override
    public List<Item> items(String centerId, ItemQuery query) {
        ItemQuery q = query == null ? ItemQuery.all() : query;
        String text = q.text() == null || q.text().isBlank() ? null : q.text().strip().toLowerCase(Locale.ROOT);
        return inCenter(centerId, s -> s.latestItems(centerId)).stream()
                .filter(i -> q.departmentId() == null || q.departmentId().equals(i.departmentId()))
                .filter(i -> q.kind() == null || q.kind() == i.kind())
                .filter(i -> q.handlingType() == null || q.handlingType() == i.handlingType())
                .filter(i -> text == null || i.name().toLowerCase(Locale.ROOT).contains(text)
                        || i.code().toLowerCase(Locale.ROOT).contains(text))
                .toList();
    }

    @Override
    public Optional<Item> item(String centerId, String code) {
        return inCenter(centerId, s -> s.latestItem(centerId, code));
    }

    @Override
    public Optional<Item> itemInForce(String centerId, String code, LocalDate day) {
        return inCenter(centerId, s -> s.itemInForce(centerId, code, day));
    }

    @Override
    public Optional<Item> itemVersion(String centerId, String code, int version) {
        return inCenter(centerId, s -> s.itemVersion(centerId, code, version));
    }

    @Override
    public List<Item> itemHistory(String centerId, String code) {
        return inCenter(centerId, s -> s.itemHistory(centerId, code));
    }

    @Override
    public Item saveItem(String centerId, Item item) {
        return write(s -> {
            requireCenter(s, centerId);
            Set<String> departments = departmentIds(s, centerId);
            CatalogRules.item(item, departments, Check.at(""));
            LocalDate today = LocalDate.now(clock);
            Optional<Item> latest = s.latestItem(centerId, item.code());
            if (latest.isPresent() && item.effectiveFrom() != null && item.effectiveFrom().isBefore(today)) {
                throw OneStopException.invalid("effectiveFrom", "新版本的生效日期不能早于今天（" + today + "）：办件须按收件当日有效的版本办理");
            }
            return saveVersion(s, centerId, item, latest, today).item();
        });
    }

    private record Saved(Item item, boolean created, boolean changed) {
    }

    private static Saved saveVersion(StoreSession s, String centerId, Item item, Optional<Item> latest, LocalDate today) {
        if (latest.isEmpty()) {
            Item first = item.asVersion(1, item.effectiveFrom() == null ? today : item.effectiveFrom());
            s.insertItemVersion(centerId, first);
            return new Saved(first, true, true);
        }
        Item current = latest.get();
        if (sameContent(current, item)) {
            return new Saved(current, false, false);
        }
        LocalDate from = item.effectiveFrom() == null || item.effectiveFrom().isBefore(today) ? today : item.effectiveFrom();
        if (from.isBefore(current.effectiveFrom())) {
            from = current.effectiveFrom();
        }
        Item next = item.asVersion(current.version() + 1, from);
        s.insertItemVersion(centerId, next);
        return new Saved(next, false, true);
    }

    /** Equal but for the version number and its start date. */
    static boolean sameContent(Item a, Item b) {
        return Objects.equals(a.asVersion(0, null), b.asVersion(0, null));
    }

    @Override
    public ImportReport importCatalog(CatalogDocument document) {
        Check root = Check.at("");
        root.present("document", document, "目录文件");
        Center center = document.center();
        CatalogRules.center(center, root.nested("center"));
        for (int i = 0; i < document.departments().size(); i++) {
            CatalogRules.department(document.departments().get(i), root.nested("departments[" + i + "]"));
        }
        root.unique("departments", document.departments().stream().map(Department::id).toList(), "部门标识");
        for (int i = 0; i < document.calendarDays().size(); i++) {
            CatalogRules.centerDay(document.calendarDays().get(i), root.nested("calendarDays[" + i + "]"));
        }
        root.unique("calendarDays", document.calendarDays().stream().map(CenterDay::date).toList(), "中心日历日期");
        root.unique("items", document.items().stream().map(i -> i == null ? null : i.code()).toList(), "事项编码");

        ImportReport report = write(s -> {
            boolean created = s.center(center.id()).isEmpty();
            saveCenter(s, center, root.nested("center"));
            for (Department d : document.departments()) {
                s.saveDepartment(center.id(), normalize(d));
            }
            Set<String> departments = departmentIds(s, center.id());
            LocalDate today = LocalDate.now(clock);
            int itemsCreated = 0;
            int versionsAdded = 0;
            int unchanged = 0;
            for (int i = 0; i < document.items().size(); i++) {
                Item item = document.items().get(i);
                CatalogRules.item(item, departments, root.nested("items[" + i + "]"));
                Saved saved = saveVersion(s, center.id(), item, s.latestItem(center.id(), item.code()), today);
                if (saved.created()) {
                    itemsCreated++;
                } else if (saved.changed()) {
                    versionsAdded++;
                } else {
                    unchanged++;
                }
            }
            for (CenterDay day : document.calendarDays()) {
                s.saveCenterDay(center.id(), day);
            }
            return new ImportReport(center.id(), created, document.departments().size(), itemsCreated, versionsAdded,
                    unchanged, document.calendarDays().size());
        });
        if (report.calendarDaysSaved() > 0) {
            centerDaysChanged.accept(center.id());
        }
        return report;
    }

    private static Set<String> departmentIds(StoreSession s, String centerId) {
        return s.departments(centerId).stream().map(Department::id).collect(Collectors.toSet());
    }

    /** Reads {@code read} after checking that the center exists. */
    private <T> T inCenter(String centerId, java.util.function.Function<StoreSession, T> read) {
        return store.read(s -> {
            requireCenter(s, centerId);
            return read.apply(s);
        });
    }

    /** The center, or a NOT_FOUND naming it. */
    public static Center requireCenter(StoreSession s, String centerId) {
        if (centerId == null) {
            throw OneStopException.notFound("center", "未指定中心");
        }
        return s.center(centerId).orElseThrow(() -> OneStopException.notFound("center", "中心“" + centerId + "”不存在"));
    }
}
