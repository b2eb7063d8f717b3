package org.onestop.store;

import java.nio.file.Path;
import org.onestop.store.internal.derby.DerbyStore;

/** Opens the stores OneStop ships. */
public final class Stores {

    private Stores() {
    }

    /**
     * The default store: embedded Apache Derby in {@code directory} (created on first use), its schema
     * brought up to date. Close it to shut the database down.
     */
    public static EmbeddedStore embeddedDerby(Path directory) {
        return DerbyStore.open(directory);
    }
}
