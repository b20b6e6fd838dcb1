package dev.custodyledger.core.fold;

/** Where a unit stands in its life; recall is tracked beside it, since a sold item can still be recalled. */
public enum UnitStatus {
    ACTIVE,
    SOLD,
    STOLEN,
    DESTROYED,
    EXPIRED
}
