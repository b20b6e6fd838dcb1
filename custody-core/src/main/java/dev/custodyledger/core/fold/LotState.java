package dev.custodyledger.core.fold;

/**
 * A lot: how many units were commissioned into it and whether it is recalled. Immutable: a commission or a
 * recall is a new state of it.
 */
public final class LotState {
    private final LotKey key;
    private final long createdSeq;
    private final long units;
    private final long recalledSeq;
    private final String recallReason;

    LotState(LotKey key, long createdSeq) {
        this(key, createdSeq, 0, 0, null);
    }

    LotState(LotKey key, long createdSeq, long units, long recalledSeq, String recallReason) {
        this.key = key;
        this.createdSeq = createdSeq;
        this.units = units;
        this.recalledSeq = recalledSeq;
        this.recallReason = recallReason;
    }

    LotState withMoreUnits(long count) {
        return new LotState(key, createdSeq, units + count, recalledSeq, recallReason);
    }

    LotState recalled(long seq, String reason) {
        return new LotState(key, createdSeq, units, seq, reason);
    }

    public LotKey key() {
        return key;
    }

    public long createdSeq() {
        return createdSeq;
    }

    public long units() {
        return units;
    }

    public boolean recalled() {
        return recalledSeq > 0;
    }

    public long recalledSeq() {
        return recalledSeq;
    }

    public String recallReason() {
        return recallReason;
    }
}
