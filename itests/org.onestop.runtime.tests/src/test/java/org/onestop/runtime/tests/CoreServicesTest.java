package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.CaseService;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.plugin.PluginDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Store and core came up as services, and core imported the base's catalog folder.
 *
 * <p>The Store service is looked up by name: the test bundle imports only the API, so that it still resolves
 * and reports (in {@link BundlesTest}) which bundle did not when store, Derby or slf4j is broken, instead of
 * running no test at all.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
public class CoreServicesTest {

    private static final String STORE = "org.onestop.store.Store";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = Await.TIMEOUT_MS)
    CatalogService catalog;

    @InjectService(timeout = Await.TIMEOUT_MS)
    WorkCalendar calendar;

    @InjectService(timeout = Await.TIMEOUT_MS)
    CaseService cases;

    @InjectService(timeout = Await.TIMEOUT_MS)
    PluginDirectory plugins;

    @Test
    void storeAndCoreServicesAreRegistered() {
        // Core cannot be active without a Store, so by the time its services are injected the store is there.
        ServiceReference<?> store = context.getServiceReference(STORE);
        assertNotNull(store, "no " + STORE + " service");
        assertEquals("org.onestop.store", store.getBundle().getSymbolicName());
        assertEquals("org.onestop.store.internal.osgi.StoreComponent", store.getProperty("component.name"));
        assertNotNull(catalog);
        assertNotNull(calendar);
        assertNotNull(cases);
        assertNotNull(plugins);
    }

    @Test
    void theCatalogFolderOfTheBaseWasImported() {
        List<String> ids = catalog.centers().stream().map(Center::id).toList();
        assertTrue(ids.containsAll(List.of("maanshan", "hanshan")), "centers: " + ids);
        Center hanshan = catalog.center("hanshan").orElseThrow();
        assertEquals(CenterLevel.COUNTY, hanshan.level());
        assertEquals("maanshan", hanshan.parentId());
        assertTrue(!catalog.departments("hanshan").isEmpty(), "hanshan has no department");
    }

    @Test
    void deadlinesSkipTheNationalDayHolidays() {
        // Accepted on 30 September 2026: 1-7 October are off (National Day), Saturday 10 October is a make-up
        // working day, so the 5 working days are 8, 9, 10, 12 and 13 October.
        assertEquals(LocalDate.of(2026, 10, 13), calendar.deadline("hanshan", LocalDate.of(2026, 9, 30), 5));
    }
}
