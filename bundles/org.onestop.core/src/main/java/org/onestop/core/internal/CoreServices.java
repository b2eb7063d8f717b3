package org.onestop.core.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.onestop.api.access.AccessService;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.cases.CaseService;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.core.internal.access.AccessServiceImpl;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.calendar.NationalSchedules;
import org.onestop.core.internal.calendar.WorkCalendarImpl;
import org.onestop.core.internal.cases.CaseServiceImpl;
import org.onestop.core.internal.cases.LightThresholds;
import org.onestop.core.internal.catalog.CatalogCache;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.documents.DocumentServiceImpl;
import org.onestop.core.internal.inquiry.InquiryServiceImpl;
import org.onestop.core.internal.plugin.CaseEventBus;
import org.onestop.store.Store;

/**
 * The core's services wired together, once, in plain Java. The OSGi component and the SDK both build
 * exactly this, so the two worlds run the same code.
 */
public final class CoreServices {

    private final CaseEventBus bus = new CaseEventBus();
    private final WorkCalendarImpl calendar;
    private final CatalogServiceImpl catalog;
    private final CaseServiceImpl cases;
    private final AccessServiceImpl access;
    private final InquiryServiceImpl inquiries;
    private final DocumentServiceImpl documents;
    private final Clock clock;

    /** The services with the default session, lockout and password hashing settings. */
    public CoreServices(Store store, NationalSchedules schedules, Clock clock) {
        this(store, schedules, clock, AccessSettings.defaults());
    }

    public CoreServices(Store store, NationalSchedules schedules, Clock clock, AccessSettings accessSettings) {
        this.calendar = new WorkCalendarImpl(store, schedules);
        CatalogCache catalogCache = new CatalogCache();
        this.catalog = new CatalogServiceImpl(store, clock, calendar::forget, catalogCache);
        this.cases = new CaseServiceImpl(store, calendar, bus, clock, catalogCache, LightThresholds.DEFAULT);
        this.access = AccessServiceImpl.create(store, clock, accessSettings);
        this.inquiries = new InquiryServiceImpl(store, clock);
        this.documents = new DocumentServiceImpl(store);
        this.clock = clock;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public CaseService cases() {
        return cases;
    }

    /** People, roles, sign-in, tokens and the security log. */
    public AccessService access() {
        return access;
    }

    /** First-inquiry records (首问负责制). */
    public InquiryService inquiries() {
        return inquiries;
    }

    public PluginDirectory plugins() {
        return bus;
    }

    /** Where case listeners are bound and unbound. */
    public CaseEventBus events() {
        return bus;
    }

    /** The notices and decisions that case acts issued, as data and printable pages. */
    public DocumentService documents() {
        return documents;
    }

    /**
     * Applies the joint-timeout rule (超时默认) in every center for today: what the platform's timer runs.
     *
     * @return how many cases changed
     */
    public int sweepJointTimeouts() {
        LocalDate today = LocalDate.now(clock);
        return catalog.centers().stream().mapToInt(c -> cases.applyJointTimeouts(c.id(), today).size()).sum();
    }
}
