package org.onestop.core.internal.osgi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.cases.CaseService;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.core.internal.CatalogFolder;
import org.onestop.core.internal.CoreServices;
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
 * catalog, calendar, case and plugin services. The same wiring as the SDK's, with the services
 * registered here instead of handed out by getters.
 */
@Component(immediate = true, service = {}, configurationPid = CoreComponent.PID)
@Designate(ocd = CoreComponent.Config.class)
public final class CoreComponent {

    static final String PID = "org.onestop.core";

    @ObjectClassDefinition(id = PID, name = "OneStop core", description = "Catalog, calendar and case services.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of catalog files imported at start; empty means ${onestop.base}/etc/catalog.")
        String catalog_dir() default "";

        @AttributeDefinition(description = "Folder of holiday files (holiday-cn layout); empty means ${onestop.base}/etc/calendar.")
        String calendar_dir() default "";

        @AttributeDefinition(description = "Time zone of the center's business days.")
        String time_zone() default "Asia/Shanghai";
    }

    private final Logger logger = LoggerFactory.getLogger(CoreComponent.class);
    private final CoreServices core;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public CoreComponent(BundleContext context, Config config, @Reference Store store) {
        String base = context.getProperty("onestop.base");
        Clock clock = Clock.system(ZoneId.of(config.time_zone()));
        this.core = new CoreServices(store, NationalSchedules.withFolder(folder(config.calendar_dir(), base, "calendar")),
                clock);
        new CatalogFolder(core.catalog()).importAll(folder(config.catalog_dir(), base, "catalog"));
        registrations.add(context.registerService(CatalogService.class, core.catalog(), null));
        registrations.add(context.registerService(WorkCalendar.class, core.calendar(), null));
        registrations.add(context.registerService(CaseService.class, core.cases(), null));
        registrations.add(context.registerService(PluginDirectory.class, core.plugins(), null));
        logger.info("OneStop core ready: {} center(s)", core.catalog().centers().size());
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

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
