package dev.custodyledger.fold;

import java.time.Instant;

/**
 * Where a service's read model and its position are kept. Every write moves the position from the checkpoint's
 * {@code previousSeq} first, a fence: a replica that lost the lease cannot overwrite its successor's work.
 * Blocking: called from the engine's own threads.
 *
 * @param <R> the service's rows for a run of records
 */
interface ReadModelStore<R> {
    record Position(long seq, long offset, Instant recordTime) {}

    Position position();

    /** The rows and the position in one transaction. */
    void write(Checkpoint checkpoint, R rows);

    /** Empties the read model and puts the position back to the start. */
    void dropAll();
}
