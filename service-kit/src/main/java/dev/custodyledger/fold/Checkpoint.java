package dev.custodyledger.fold;

import java.time.Instant;

/**
 * Where a projected batch brings the read model: the last record's seq, offset and time, and the seq it continues
 * from (the fence).
 */
record Checkpoint(long previousSeq, long seq, long offset, Instant recordTime) {

    /** Two consecutive checkpoints as one: the first's fence, the second's position. */
    Checkpoint then(Checkpoint next) {
        return new Checkpoint(previousSeq, next.seq, next.offset, next.recordTime);
    }
}
