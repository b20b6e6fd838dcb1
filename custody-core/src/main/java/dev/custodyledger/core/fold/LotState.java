package dev.custodyledger.core.fold;

/** A lot: how many units were commissioned into it and whether it is recalled. */
public final class LotState {
    private final LotKey key;
    private final long createdSeq;
    private long units;
    private long recalledSeq;
    private String recallReason;

    LotState(LotKey key, long createdSeq) {
        this.key = key;
        this.createdSeq = createdSeq;
    }

    void addUnits(int count) {
        units += count;
    }

    void recall(long seq, String reason) {
        this.recalledSeq = seq;
        this.recallReason = reason;
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

    void restore(long unitCount, long recalledSeq, String recallReason) {
        this.units = unitCount;
        this.recalledSeq = recalledSeq;
        this.recallReason = recallReason;
    }
}
