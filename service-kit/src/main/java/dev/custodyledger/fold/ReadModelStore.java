package dev.custodyledger.fold;

import java.time.Instant;

/**
 * Where a service's read model, its position and the fold's checkpoints are kept. Every write moves the position
 * from the checkpoint's {@code previousSeq} first, a fence: a replica that lost the lease cannot overwrite its
 * successor's work. Blocking: called from the engine's own threads.
 *
 * @param <R> the service's rows for a run of records
 */
interface ReadModelStore<R> {
    record Position(long seq, long offset, Instant recordTime) {}

    Position position();

    /** The newest checkpoint's state bytes, or null when there is none yet. */
    byte[] latestCheckpoint();

    /** The rows and the position (and the checkpoint's state, if it has one) in one transaction. */
    void write(Checkpoint checkpoint, R rows);

    /** Empties the read model and the checkpoints and puts the position back to the start. */
    void dropAll();
}
