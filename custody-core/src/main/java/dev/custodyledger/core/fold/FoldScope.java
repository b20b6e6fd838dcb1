package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.EventType;

/** Which records a fold decides, and so what its state holds. */
public enum FoldScope {
    /** Every record: the whole ledger's state, the same in every folder of the log and in the auditor's replay. */
    LEDGER,
    /**
     * Only the registry's records (parties, keys, suspensions), for a service that checks credentials, company
     * prefixes and keys but keeps no unit: label-service. A registry event's decision reads only the registry and
     * the ids of registry events (an id is the hash of its event, so no other event has it), so each is decided
     * exactly as {@link #LEDGER} decides it; every other record only moves the position on. The commitment links
     * the registry's records alone.
     */
    REGISTRY;

    /** Whether a fold of this scope decides {@code record}; a record that did not decode is the whole ledger's. */
    public boolean decides(LedgerRecord record) {
        return record.event() == null
                ? this == LEDGER
                : decides(record.event().event().type());
    }

    /** Whether a fold of this scope decides events of {@code type}. */
    public boolean decides(EventType type) {
        return switch (this) {
            case LEDGER -> true;
            case REGISTRY -> type.isRegistry();
        };
    }
}
