package io.inferplan.catalog.store;

/** The catalog database could not be read or written (disk full, file locked by another program, corrupt file). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
