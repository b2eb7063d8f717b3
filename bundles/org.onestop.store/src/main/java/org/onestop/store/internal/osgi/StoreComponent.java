package org.onestop.store.internal.osgi;

import java.nio.file.Path;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Store;
import org.onestop.store.Stores;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the embedded Derby store as the platform's {@link Store} service. Immediate, so that the
 * database stays up while the components that use it restart on a configuration change.
 */
@Component(immediate = true, service = Store.class, configurationPid = StoreComponent.PID)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent implements Store {

    static final String PID = "org.onestop.store";

    @ObjectClassDefinition(id = PID, name = "OneStop store", description = "Where the center's records are kept.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the embedded Derby database; empty means ${onestop.data}/derby.")
        String database_dir() default "";
    }

    private final Logger logger = LoggerFactory.getLogger(StoreComponent.class);
    private final EmbeddedStore store;

    @Activate
    public StoreComponent(BundleContext context, Config config) {
        Path dir = databaseDir(config.database_dir(), context.getProperty("onestop.data"));
        this.store = Stores.embeddedDerby(dir);
        logger.info("Store ready: Derby database in {}", dir);
    }

    static Path databaseDir(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir, "derby");
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return store.inTransaction(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return store.read(work);
    }

    @Override
    public String dialectName() {
        return store.dialectName();
    }
}
