package dev.custodyledger.label.keys;

/** Whether the ledger knows a held key: registered for this party and purpose, revoked, or not (yet) registered. */
public enum LedgerStatus {
    REGISTERED,
    REVOKED,
    NOT_REGISTERED
}
