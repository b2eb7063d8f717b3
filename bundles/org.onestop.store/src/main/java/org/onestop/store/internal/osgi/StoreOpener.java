package org.onestop.store.internal.osgi;

import java.nio.file.Path;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded Derby database on a thread of its own and registers it as {@link OpenedStore} when it
 * is ready; closes it when the bundle stops or the configured folder changes.
 *
 * <p>Creating or opening the database takes one to two seconds at start-up; on the framework's start-level
 * thread it would hold back every bundle after it, Jetty included. In the background it overlaps them,
 * and the API answers 503 (not available yet) until the store, the core and the API servlet are all up.
 */
@Component(immediate = true, service = {}, configurationPid = StoreOpener.PID)
@Designate(ocd = StoreOpener.Config.class)
// The OpenedStore service is registered by hand, not by DS: declare it, so that a resolver finds
// StoreComponent's reference to it satisfied.
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.onestop.store.internal.osgi.OpenedStore\"")
public final class StoreOpener {

    static final String PID = "org.onestop.store";

    @ObjectClassDefinition(id = PID, name = "OneStop store", description = "Where the center's records are kept.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the embedded Derby database; empty means ${onestop.data}/derby.")
        String database_dir() default "";
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(StoreOpener.class);

    private final BundleContext context;
    // Only touched by activate, modified and deactivate, which DS never runs at the same time.
    private Opening opening;

    @Activate
    public StoreOpener(BundleContext context, Config config) {
        this.context = context;
        this.opening = Opening.start(context, directory(config));
    }

    /**
     * A configuration may arrive after activation (FileInstall reads etc/ on a thread of its own): reopen
     * the database when its folder changed, or when it could not be opened (another process had it locked,
     * say), so that saving etc/org.onestop.store.cfg again retries; otherwise leave it open.
     */
    @Modified
    void modified(Config config) {
        Path directory = directory(config);
        if (!directory.equals(opening.directory) || opening.failed()) {
            opening.close();
            opening = Opening.start(context, directory);
        }
    }

    @Deactivate
    void deactivate() {
        opening.close();
    }

    private Path directory(Config config) {
        return databaseDir(config.database_dir(), context.getProperty("onestop.data"));
    }

    static Path databaseDir(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir, "derby");
    }

    /** One database folder being opened, then open; closed once. */
    private static final class Opening implements Runnable {

        private final BundleContext context;
        final Path directory;
        private final Thread thread;
        // Guarded by this: whether close() has begun, and what the thread has opened and registered so far.
        private boolean closing;
        private EmbeddedStore store;
        private ServiceRegistration<OpenedStore> registration;

        private Opening(BundleContext context, Path directory) {
            this.context = context;
            this.directory = directory;
            this.thread = new Thread(this, "OneStop store opener");
            // Never keeps the JVM alive; close() waits for it whenever the store stops normally.
            thread.setDaemon(true);
        }

        static Opening start(BundleContext context, Path directory) {
            Opening opening = new Opening(context, directory);
            opening.thread.start();
            return opening;
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            EmbeddedStore opened;
            try {
                opened = Stores.embeddedDerby(directory);
            } catch (RuntimeException e) {
                LOGGER.error("Store not available: cannot open the Derby database in {}", directory, e);
                return;
            }
            synchronized (this) {
                if (closing) {
                    opened.close();
                    return;
                }
                store = opened;
            }
            LOGGER.info("Store ready: Derby database in {} ({} ms)", directory, (System.nanoTime() - started) / 1_000_000);
            // Registering satisfies StoreComponent and, on this thread, whatever waits for the Store (the core
            // imports the catalog, the API servlet registers). No lock is held meanwhile: close() may run.
            ServiceRegistration<OpenedStore> registered =
                    context.registerService(OpenedStore.class, new OpenedStore(opened), null);
            synchronized (this) {
                if (!closing) {
                    registration = registered;
                    return;
                }
            }
            // close() ran on this very thread, from within the registration: withdraw what it could not see.
            unregister(registered);
        }

        /** Whether the database could not be opened. */
        synchronized boolean failed() {
            return !closing && store == null && !thread.isAlive();
        }

        /** Waits for the opening thread, then withdraws the service before shutting the database down. */
        void close() {
            synchronized (this) {
                closing = true;
            }
            // Derby is not interrupted: an interrupted open can leave the database needing recovery.
            boolean interrupted = false;
            while (thread != Thread.currentThread() && thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            ServiceRegistration<OpenedStore> registered;
            EmbeddedStore opened;
            synchronized (this) {
                registered = registration;
                opened = store;
                registration = null;
                store = null;
            }
            if (registered != null) {
                unregister(registered);
            }
            if (opened != null) {
                opened.close();
            }
        }

        private static void unregister(ServiceRegistration<OpenedStore> registration) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopped bundle's services itself.
            }
        }
    }
}
