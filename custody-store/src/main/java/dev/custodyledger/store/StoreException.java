package dev.custodyledger.store;

/** The state store failed to read or write; the message says what and why, RocksDB's status included. */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
