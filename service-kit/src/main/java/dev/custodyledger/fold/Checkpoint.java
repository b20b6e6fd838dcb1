package dev.custodyledger.fold;

import java.time.Instant;

/**
 * Where a projected batch brings the projection: the last record's seq, offset and time, the seq it continues
 * from (the fence) and, every so often, the fold's state in {@link dev.custodyledger.core.fold.StateCodec} form.
 */
record Checkpoint(long previousSeq, long seq, long offset, Instant recordTime, byte[] state) {

    /** Two consecutive checkpoints as one: the first's fence, the second's position, the newest state. */
    Checkpoint then(Checkpoint next) {
        return new Checkpoint(
                previousSeq, next.seq, next.offset, next.recordTime, next.state != null ? next.state : state);
    }
}
