package org.onestop.store;

/**
 * The store failed for a reason the user cannot fix (the database is unreachable, a disk is full, a
 * bug in a statement). Reported as an internal error; the transaction was rolled back.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
