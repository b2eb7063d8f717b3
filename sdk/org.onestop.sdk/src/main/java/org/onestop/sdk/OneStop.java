package org.onestop.sdk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.onestop.api.access.AccessService;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.ImportReport;
import org.onestop.api.cases.CaseService;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.core.internal.CatalogFolder;
import org.onestop.core.internal.CoreServices;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.calendar.NationalSchedules;
import org.onestop.json.CatalogFiles;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;

/**
 * OneStop embedded (一站式平台嵌入): the same catalog, working-day calendar, case and access services the
 * distribution runs, over an embedded Derby database in a folder of yours.
 *
 * <pre>{@code
 * try (OneStop oneStop = OneStop.builder().dataDir(Path.of("data")).build()) {
 *     oneStop.importCatalog(Path.of("hanshan.json"));
 *     Case c = oneStop.cases().receive("hanshan", request);
 * }
 * }</pre>
 *
 * <p>Plugins are found with {@link ServiceLoader} on the class path: every {@link CaseListener} a jar
 * declares (bnd's {@code @ServiceProvider}, or a plain {@code META-INF/services} file) hears every case
 * event. Close the instance to shut the database down; one data folder is used by one instance at a
 * time. Instances are thread-safe.
 */
public final class OneStop implements AutoCloseable {

    private final EmbeddedStore store;
    private final CoreServices core;

    private OneStop(EmbeddedStore store, CoreServices core) {
        this.store = store;
        this.core = core;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Centers, departments and items, with their versions (事项目录). */
    public CatalogService catalog() {
        return core.catalog();
    }

    /** The working-day clock of every center (工作日历). */
    public WorkCalendar calendar() {
        return core.calendar();
    }

    /** Cases and their acts (办件). */
    public CaseService cases() {
        return core.cases();
    }

    /** People, roles, sign-in, sessions, integration tokens and the security log (人员与权限). */
    public AccessService access() {
        return core.access();
    }

    /** The plugins bound: those found on the class path and those added to the builder. */
    public PluginDirectory plugins() {
        return core.plugins();
    }

    /** The notices and decisions case acts issued (文书), as data and as printable A4 pages. */
    public DocumentService documents() {
        return core.documents();
    }

    /** First-inquiry records (首问负责制). */
    public InquiryService inquiries() {
        return core.inquiries();
    }

    /**
     * Applies the joint-timeout rule (超时默认) in every center for today: each department of a joint case
     * that has not answered by its deadline is taken to consent. The distribution runs this every 10
     * minutes; an embedding program calls it from its own scheduler (once a day is enough, after midnight).
     *
     * @return how many cases changed
     */
    public int sweepJointTimeouts() {
        return core.sweepJointTimeouts();
    }

    /**
     * Imports one catalog file (a {@link org.onestop.api.catalog.CatalogDocument} as JSON) in one
     * transaction. Unchanged items stay as they are; changed ones get a new version.
     *
     * @throws org.onestop.api.OneStopException naming the file and the field when the file is not valid
     */
    public ImportReport importCatalog(Path file) {
        return core.catalog().importCatalog(CatalogFiles.read(file));
    }

    /**
     * Imports every {@code *.json} catalog file of a folder, parents before children; a bad file is
     * logged and skipped.
     */
    public List<ImportReport> importCatalogFolder(Path folder) {
        return new CatalogFolder(core.catalog()).importAll(folder);
    }

    /** Shuts the database down. */
    @Override
    public void close() {
        store.close();
    }

    /** Sets up a {@link OneStop}; only the data folder is required. */
    public static final class Builder {

        private Path dataDir;
        private Path calendarDir;
        private Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        private boolean discoverPlugins = true;
        private AccessSettings access = AccessSettings.defaults();
        private final List<CaseListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The folder for the database (created when missing); {@code derby/} and {@code derby.log} go there. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * A folder of holiday files in the holiday-cn layout ({@code 2027.json}) that add to, or replace,
         * the years shipped with OneStop. Looked at again whenever its files change.
         */
        public Builder calendarDir(Path calendarDir) {
            this.calendarDir = calendarDir;
            return this;
        }

        /** The clock that says what day it is; the system clock in Asia/Shanghai by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a session lasts unused, and at most; 30 minutes and 12 hours by default. */
        public Builder sessions(Duration idle, Duration absolute) {
            this.access = access.withSessions(idle, absolute);
            return this;
        }

        /** Consecutive failed sign-ins that lock an account (for 1 minute, doubling per further failure); 5 by default. */
        public Builder lockoutThreshold(int failures) {
            this.access = access.withLockoutThreshold(failures);
            return this;
        }

        /**
         * The Argon2id cost of new password hashes: memory in KiB, passes, lanes; 19456, 2, 1 by default.
         * Lower it only in tests: it is what makes a stolen hash slow to guess. Hashes made with another cost
         * keep working and are renewed at the person's next sign-in.
         */
        public Builder passwordHashing(int memoryKiB, int iterations, int parallelism) {
            this.access = access.withArgon2(new AccessSettings.Argon2(memoryKiB, iterations, parallelism));
            return this;
        }

        /** Whether to bind the {@link CaseListener}s that {@link ServiceLoader} finds; true by default. */
        public Builder discoverPlugins(boolean discover) {
            this.discoverPlugins = discover;
            return this;
        }

        /** Binds a listener of your own, besides those found on the class path. */
        public Builder listener(CaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public OneStop build() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            NationalSchedules schedules = calendarDir == null ? NationalSchedules.builtIn()
                    : NationalSchedules.withFolder(calendarDir);
            EmbeddedStore store = Stores.embeddedDerby(dataDir.resolve("derby"));
            try {
                CoreServices core = new CoreServices(store, schedules, clock, access);
                if (discoverPlugins) {
                    ServiceLoader.load(CaseListener.class).forEach(core.events()::add);
                }
                listeners.forEach(core.events()::add);
                return new OneStop(store, core);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
    }
}
