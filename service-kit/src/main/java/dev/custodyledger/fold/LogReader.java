package dev.custodyledger.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The ledger's single partition as the folding thread reads it: positioned by offset, read in order. */
interface LogReader extends AutoCloseable {
    /** One record as the log holds it. */
    record Entry(long offset, Instant recordTime, byte[] value) {}

    /** The next {@link #poll} starts at {@code offset}. */
    void seek(long offset);

    /** The records after the position, at most the configured batch, waiting up to {@code wait} for the first. */
    List<Entry> poll(Duration wait);

    /**
     * The offset the next poll reads from: past the records polled and past the transaction markers after them,
     * so that a reader at the end is at {@link #end()} although the last offset holds a marker, not a record.
     */
    long position();

    /** The offset after the last record, as last seen (a round trip only before the first fetch answered). */
    long end();

    /** The log's end as the broker says it now. */
    long endNow();

    /** Makes a {@link #poll} in progress, or the next one, return at once so the folding thread can stop. */
    void wakeup();

    @Override
    void close();
}
