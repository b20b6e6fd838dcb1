package dev.custodyledger.core.fold;

import java.time.Instant;

/**
 * What the fold decided for an event it folded, kept for every event id: the ledger's one answer to "is this
 * event already in the ledger, and how did it fare", for a resubmission and for whoever waits on it. The
 * record time is kept to the millisecond, as the log and the checkpoint keep it.
 */
public record Decision(long seq, long offset, long recordMillis, RejectionCode code) {

    static Decision of(Outcome o) {
        return new Decision(
                o.seq(),
                o.offset(),
                o.recordTime() == null ? Long.MIN_VALUE : o.recordTime().toEpochMilli(),
                o.code());
    }

    public boolean accepted() {
        return code == null;
    }

    public Instant recordTime() {
        return recordMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(recordMillis);
    }
}
