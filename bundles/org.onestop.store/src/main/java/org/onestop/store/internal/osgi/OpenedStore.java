package org.onestop.store.internal.osgi;

import org.onestop.store.EmbeddedStore;

/**
 * The embedded database once it is open and migrated: a service private to this bundle, registered by
 * {@link StoreOpener} when the database is ready, so that {@link StoreComponent} (and with it everything
 * that needs the {@link org.onestop.store.Store}) is satisfied only then.
 */
public final class OpenedStore {

    private final EmbeddedStore store;

    OpenedStore(EmbeddedStore store) {
        this.store = store;
    }

    EmbeddedStore store() {
        return store;
    }
}
