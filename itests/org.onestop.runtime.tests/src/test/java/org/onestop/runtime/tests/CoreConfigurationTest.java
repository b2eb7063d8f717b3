package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.id.CreditCode;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A new catalog.dir in the org.onestop.core configuration re-creates the core component, which imports the
 * new folder and registers a new CatalogService. ConfigAdmin is used directly (not {@code @InjectConfiguration})
 * so that the test itself puts the configuration back and waits for core to come up again before the next test.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
public class CoreConfigurationTest {

    private static final String PID = "org.onestop.core";
    private static final String CENTER = "testcity";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = Await.TIMEOUT_MS)
    ConfigurationAdmin configAdmin;

    @Test
    void aNewCatalogFolderIsImportedByANewCatalogService() throws Exception {
        ServiceReference<CatalogService> before = currentCatalog();
        assertTrue(context.getService(before).center(CENTER).isEmpty(), CENTER + " exists before the change");
        context.ungetService(before);
        String creditCode = creditCode("11340100MB0017520");
        Path folder = catalogFolderWith(creditCode);

        // "?" binds the configuration to any bundle: the core bundle's SCR must see it, not only this bundle.
        Configuration configuration = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        ServiceReference<CatalogService> after = null;
        try {
            configuration.update(Dictionaries.dictionaryOf("catalog.dir", folder.toString()));
            after = awaitCatalog(serviceId(before), c -> c.center(CENTER).isPresent());

            CatalogService catalog = context.getService(after);
            Center center = catalog.center(CENTER).orElseThrow();
            assertEquals(CenterLevel.CITY, center.level());
            assertEquals("340100", center.regionCode());
            assertEquals(List.of(creditCode), catalog.departments(CENTER).stream().map(Department::creditCode).toList());
            assertTrue(catalog.center("hanshan").isPresent(), "the database still holds the demo centers");
            context.ungetService(after);
        } finally {
            if (previous == null) {
                configuration.delete();
            } else {
                configuration.update(previous);
            }
            // Core comes back with its default folder before the next test looks for its services.
            awaitCatalog(after == null ? serviceId(before) : serviceId(after), c -> true);
        }
        assertNotEquals(serviceId(before), serviceId(after), "the component was not re-created");
    }

    private ServiceReference<CatalogService> currentCatalog() {
        ServiceReference<CatalogService> reference = context.getServiceReference(CatalogService.class);
        assertTrue(reference != null, "no CatalogService");
        return reference;
    }

    /** Waits for a CatalogService registered after {@code afterServiceId} that satisfies {@code condition}. */
    private ServiceReference<CatalogService> awaitCatalog(long afterServiceId, Predicate<CatalogService> condition)
            throws InterruptedException, ExecutionException {
        CompletableFuture<ServiceReference<CatalogService>> found = new CompletableFuture<>();
        ServiceTracker<CatalogService, CatalogService> tracker = new ServiceTracker<>(context, CatalogService.class, null) {
            @Override
            public CatalogService addingService(ServiceReference<CatalogService> reference) {
                CatalogService service = super.addingService(reference);
                if (service != null && serviceId(reference) > afterServiceId && condition.test(service)) {
                    found.complete(reference);
                }
                return service;
            }
        };
        tracker.open();
        try {
            return found.get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no new CatalogService within " + Await.TIMEOUT.toSeconds() + " s (after service.id "
                    + afterServiceId + ")", e);
        } finally {
            tracker.close();
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    /** Completes 17 characters with their GB 32100 check character. */
    private static String creditCode(String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertTrue(CreditCode.isValid(code), code);
        return code;
    }

    /** A folder under target/ holding one small catalog: a city center with one department. */
    private Path catalogFolderWith(String creditCode) throws IOException {
        Path tmp = Path.of(context.getProperty("onestop.itest.tmp"));
        Files.createDirectories(tmp);
        Path folder = Files.createTempDirectory(tmp, "catalog-");
        String json = """
                {
                  "center": {
                    "id": "testcity",
                    "name": "测试市政务服务中心",
                    "level": "CITY",
                    "regionCode": "340100",
                    "address": "测试市政务服务大厅",
                    "officeHours": "周一至周五 9:00-17:00"
                  },
                  "calendarDays": [],
                  "departments": [
                    {
                      "id": "market",
                      "name": "测试市市场监督管理局",
                      "creditCode": "%s",
                      "windows": [ { "code": "A01", "name": "综合受理" } ],
                      "chiefRepresentative": "李四"
                    }
                  ],
                  "items": []
                }
                """.formatted(creditCode);
        Files.writeString(folder.resolve("testcity.json"), json, StandardCharsets.UTF_8);
        return folder;
    }
}
