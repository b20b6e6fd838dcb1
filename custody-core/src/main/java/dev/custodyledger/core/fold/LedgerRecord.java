package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.MalformedEventException;
import dev.custodyledger.core.event.SignedEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of the ledger topic as the fold sees it: its offset, the time the log appended it, and the
 * decoded envelope or, when the bytes do not decode, why.
 */
public record LedgerRecord(long offset, Instant recordTime, SignedEvent event, String malformed) {
    public LedgerRecord {
        Objects.requireNonNull(recordTime, "recordTime");
        if ((event == null) == (malformed == null)) {
            throw new IllegalArgumentException("a record is either decoded or malformed");
        }
    }

    public static LedgerRecord of(long offset, Instant recordTime, SignedEvent event) {
        return new LedgerRecord(offset, recordTime, event, null);
    }

    /** Decodes the record's bytes; undecodable bytes still become a record, which the fold rejects. */
    public static LedgerRecord decode(long offset, Instant recordTime, byte[] value) {
        try {
            return new LedgerRecord(offset, recordTime, SignedEvent.decode(value), null);
        } catch (MalformedEventException e) {
            return new LedgerRecord(offset, recordTime, null, e.getMessage());
        }
    }
}
