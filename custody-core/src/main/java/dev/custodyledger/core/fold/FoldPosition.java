package dev.custodyledger.core.fold;

import java.time.Instant;

/**
 * Where a fold stands after some prefix of the log: the last record's seq, offset and time, what it decided so
 * far, how many units exist, and the state commitment there (ADR 27). Stored with every committed generation of
 * changes, atomically, so a store's state and its position never disagree.
 *
 * @param recordMillis the last record's time in epoch milliseconds, {@link Long#MIN_VALUE} before the first
 */
public record FoldPosition(
        long seq, long offset, long recordMillis, long accepted, long rejected, long units, byte[] commitment) {

    public FoldPosition {
        if (commitment == null || commitment.length != 32) {
            throw new IllegalArgumentException("a commitment is 32 bytes");
        }
        commitment = commitment.clone();
    }

    /** Before the first record, with the genesis commitment. */
    static FoldPosition genesis(byte[] commitment) {
        return new FoldPosition(0, -1, Long.MIN_VALUE, 0, 0, 0, commitment);
    }

    @Override
    public byte[] commitment() {
        return commitment.clone();
    }

    public Instant recordTime() {
        return recordMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(recordMillis);
    }

    /** {@code sha256:<hex>}, as heads show it. */
    public String commitmentText() {
        return "sha256:" + dev.custodyledger.core.crypto.Sha256.hex(commitment);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldPosition p
                && seq == p.seq
                && offset == p.offset
                && recordMillis == p.recordMillis
                && accepted == p.accepted
                && rejected == p.rejected
                && units == p.units
                && java.util.Arrays.equals(commitment, p.commitment);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + java.util.Arrays.hashCode(commitment);
    }

    @Override
    public String toString() {
        return "FoldPosition[seq=" + seq + ", offset=" + offset + ", units=" + units + ", " + commitmentText() + "]";
    }
}
