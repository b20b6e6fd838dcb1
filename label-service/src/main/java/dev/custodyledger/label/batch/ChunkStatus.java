package dev.custodyledger.label.batch;

/** Where one COMMISSION chunk of a batch stands: not yet decided, accepted by the ledger, or refused or rejected. */
public enum ChunkStatus {
    PENDING,
    ACCEPTED,
    FAILED
}
