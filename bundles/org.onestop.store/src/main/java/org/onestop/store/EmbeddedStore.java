package org.onestop.store;

import org.osgi.annotation.versioning.ProviderType;

/** A store whose database runs inside this process and must be shut down with it. */
@ProviderType
public interface EmbeddedStore extends Store, AutoCloseable {

    /** Shuts the database down; the store is unusable afterwards. */
    @Override
    void close();
}
