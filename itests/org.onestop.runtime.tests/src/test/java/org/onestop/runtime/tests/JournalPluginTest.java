package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.api.plugin.PluginInfo;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The example plugin jar has no OSGi code: only bnd's {@code @ServiceProvider}. SPI Fly registers it as a
 * CaseListener service, and core binds it like any other.
 */
@ExtendWith(ServiceExtension.class)
public class JournalPluginTest {

    @InjectService(filter = "(onestop.plugin.id=journal)", timeout = Await.TIMEOUT_MS)
    ServiceAware<CaseListener> journal;

    @InjectService(timeout = Await.TIMEOUT_MS)
    PluginDirectory plugins;

    @Test
    void theJournalPluginIsRegisteredBySpiFlyAndBoundByCore() {
        ServiceReference<CaseListener> reference = journal.getServiceReference();
        assertEquals("org.onestop.example.listener.journal", reference.getBundle().getSymbolicName());
        // SPI Fly marks the services it registers for a provider bundle.
        assertNotNull(reference.getProperty("serviceloader.mediator"), "not registered by SPI Fly");

        Await.until("PluginDirectory to list the journal plugin",
                () -> plugins.plugins().stream().anyMatch(p -> p.id().equals("journal")), plugins::plugins);
        PluginInfo info = plugins.plugins().stream().filter(p -> p.id().equals("journal")).findFirst().orElseThrow();
        assertEquals(List.of("CaseListener", "journal", "办件日志（示例插件）"), List.of(info.kind(), info.id(), info.label()));
    }
}
