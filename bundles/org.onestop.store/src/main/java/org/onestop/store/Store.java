package org.onestop.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * OneStop's records, read and written in transactions. A unit of work either commits whole or leaves
 * nothing behind: a crash in the middle of an act never leaves a half-written case.
 */
@ProviderType
public interface Store {

    /**
     * Runs {@code work} in one transaction and commits it; any exception rolls everything back and is
     * rethrown ({@link org.onestop.api.OneStopException} as it is, SQL failures as {@link StoreException},
     * lock conflicts as a {@link org.onestop.api.ErrorCode#CONFLICT}).
     */
    <T> T inTransaction(Work<T> work);

    /** Runs read-only {@code work}; same error handling, nothing is written. */
    <T> T read(Work<T> work);

    /** The dialect in use, for figures and the health endpoint. */
    String dialectName();

    /** A unit of work over one session. */
    @FunctionalInterface
    interface Work<T> {
        T run(StoreSession session);
    }
}
