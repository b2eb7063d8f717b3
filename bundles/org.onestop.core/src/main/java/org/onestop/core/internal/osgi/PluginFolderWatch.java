package org.onestop.core.internal.osgi;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.onestop.core.internal.plugin.PluginFolderCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per file, each jar in the base's plugins/ that will not load ({@link PluginFolderCheck}), every two
 * seconds as FileInstall looks at the folder every second. Without a base (a test framework) it does nothing.
 */
@Component(immediate = true, service = {})
public final class PluginFolderWatch {

    private final Logger logger = LoggerFactory.getLogger(PluginFolderWatch.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "onestop-plugin-folder");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PluginFolderWatch(BundleContext context) {
        String base = context.getProperty("onestop.base");
        if (base == null) {
            timer.shutdown();
            return;
        }
        PluginFolderCheck check = new PluginFolderCheck(Path.of(base, "plugins"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                check.newRefusals().forEach(r -> logger.warn("Plugin {} not loaded: {}", r.jar(), r.reason()));
            } catch (RuntimeException e) {
                logger.error("Checking the plugins folder failed", e);
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
