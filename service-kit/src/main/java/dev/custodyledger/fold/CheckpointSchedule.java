package dev.custodyledger.fold;

import dev.custodyledger.core.fold.CustodyState;

/**
 * When a checkpoint of the fold goes with a run of rows: every {@code snapshotEvery} records, or a share of the
 * state's size (units and event ids) when that is more. A checkpoint writes the whole state, so its cost per record
 * stays bounded however large the ledger grows, and a restart replays at most that many records. Services folding
 * the same log start their schedules at different points, so that they do not all write a checkpoint of the same
 * size at the same moment. Only the folding thread uses it.
 */
final class CheckpointSchedule {
    private final int every;
    private final double growth;
    private final int stagger;
    private long lastSeq;

    CheckpointSchedule(FoldSettings settings) {
        this.every = settings.snapshotEvery();
        this.growth = settings.snapshotGrowth();
        this.stagger = Math.floorMod(settings.service().hashCode(), every);
    }

    /** The fold was restored at {@code seq}: the schedule counts from there. */
    void restartAt(long seq) {
        lastSeq = seq - stagger;
    }

    /** Whether the run ending at {@code seq}, with the fold in {@code state}, takes a checkpoint; if so, counts it. */
    boolean due(long seq, CustodyState state) {
        long size = state.unitCount() + state.acceptedCount() + state.rejectedCount();
        long interval = Math.max(every, (long) (size * growth));
        if (seq - lastSeq < interval) {
            return false;
        }
        lastSeq = seq;
        return true;
    }
}
