package org.onestop.store.internal.osgi;

import org.onestop.store.EmbeddedStore;
import org.onestop.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers the embedded Derby store as the platform's {@link Store} service, as soon as {@link StoreOpener}
 * has the database open. Immediate, so that the store stays registered while the components that use it
 * restart on a configuration change; the database itself is opened and closed by {@link StoreOpener}.
 */
@Component(immediate = true, service = Store.class)
public final class StoreComponent implements Store {

    private final EmbeddedStore store;

    @Activate
    public StoreComponent(@Reference OpenedStore opened) {
        this.store = opened.store();
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
