package org.onestop.core.internal.osgi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.onestop.api.access.AccessService;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.cases.CaseService;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.core.internal.CatalogFolder;
import org.onestop.core.internal.CoreServices;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.calendar.NationalSchedules;
import org.onestop.store.Store;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link CoreServices} on the platform's store, imports the base's catalog folder, and offers the
 * catalog, calendar, case, access and plugin services. The same wiring as the SDK's, with the services
 * registered here instead of handed out by getters.
 */
@Component(immediate = true, service = {}, configurationPid = CoreComponent.PID)
@Designate(ocd = CoreComponent.Config.class)
public final class CoreComponent {

    static final String PID = "org.onestop.core";

    @ObjectClassDefinition(id = PID, name = "OneStop core", description = "Catalog, calendar, case and access services.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of catalog files imported at start; empty means ${onestop.base}/etc/catalog.")
        String catalog_dir() default "";

        @AttributeDefinition(description = "Folder of holiday files (holiday-cn layout); empty means ${onestop.base}/etc/calendar.")
        String calendar_dir() default "";

        @AttributeDefinition(description = "Time zone of the center's business days.")
        String time_zone() default "Asia/Shanghai";

        @AttributeDefinition(description = "Minutes a signed-in session lasts unused.", min = "1", max = "1440")
        int session_idle_minutes() default 30;

        @AttributeDefinition(description = "Hours a signed-in session lasts at most, however often it is used.", min = "1",
                max = "168")
        int session_absolute_hours() default 12;

        @AttributeDefinition(description = "Consecutive failed sign-ins that lock an account (1 minute, doubling per "
                + "further failure, at most 60).", min = "1", max = "100")
        int lockout_threshold() default 5;

        @AttributeDefinition(description = "Minutes between two runs of the joint-timeout rule (超时默认): a joint "
                + "case's department that has not answered by its deadline is taken to consent.", min = "1", max = "1440")
        int joint_timeout_minutes() default 10;
    }

    private final Logger logger = LoggerFactory.getLogger(CoreComponent.class);
    private final CoreServices core;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    /** One daemon thread for the joint-timeout rule, so that a stuck run never holds the framework up. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "onestop-joint-timeouts");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public CoreComponent(BundleContext context, Config config, @Reference Store store) {
        String base = context.getProperty("onestop.base");
        Clock clock = Clock.system(zone(config.time_zone()));
        this.core = new CoreServices(store, NationalSchedules.withFolder(folder(config.calendar_dir(), base, "calendar")),
                clock, accessSettings(config));
        new CatalogFolder(core.catalog()).importAll(folder(config.catalog_dir(), base, "catalog"));
        registrations.add(context.registerService(CatalogService.class, core.catalog(), null));
        registrations.add(context.registerService(WorkCalendar.class, core.calendar(), null));
        registrations.add(context.registerService(CaseService.class, core.cases(), null));
        registrations.add(context.registerService(PluginDirectory.class, core.plugins(), null));
        registrations.add(context.registerService(AccessService.class, core.access(), null));
        registrations.add(context.registerService(DocumentService.class, core.documents(), null));
        registrations.add(context.registerService(InquiryService.class, core.inquiries(), null));
        timer.scheduleWithFixedDelay(this::sweep, 0, config.joint_timeout_minutes(), TimeUnit.MINUTES);
        logger.info("OneStop core ready: {} center(s)", core.catalog().centers().size());
    }

    /** The configured session and lockout settings; a bad value falls back to its default rather than stop the core. */
    private AccessSettings accessSettings(Config config) {
        AccessSettings defaults = AccessSettings.defaults();
        try {
            return defaults.withSessions(Duration.ofMinutes(config.session_idle_minutes()),
                    Duration.ofHours(config.session_absolute_hours())).withLockoutThreshold(config.lockout_threshold());
        } catch (IllegalArgumentException e) {
            logger.error("Session or lockout settings of {} ignored, defaults used: {}", PID, e.getMessage());
            return defaults;
        }
    }

    /** The configured zone; a typing error in etc/ must not take the platform down, so it falls back. */
    ZoneId zone(String configured) {
        try {
            return ZoneId.of(configured.strip());
        } catch (java.time.DateTimeException | NullPointerException e) {
            logger.error("time.zone '{}' in {}.cfg is not a time zone ({}); using Asia/Shanghai", configured, PID,
                    e.getMessage());
            return ZoneId.of("Asia/Shanghai");
        }
    }

    static Path folder(String configured, String base, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return base == null ? null : Path.of(base, "etc", name);
    }

    // DS calls bind methods only after the constructor has returned, so the bus exists by then.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(CaseListener listener) {
        core.events().add(listener);
    }

    void removeListener(CaseListener listener) {
        core.events().remove(listener);
    }

    private void sweep() {
        try {
            int changed = core.sweepJointTimeouts();
            if (changed > 0) {
                logger.info("Joint-timeout rule applied to {} case(s)", changed);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not end the schedule.
            logger.error("Joint-timeout run failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
