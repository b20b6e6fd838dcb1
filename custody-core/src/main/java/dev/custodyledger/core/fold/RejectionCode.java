package dev.custodyledger.core.fold;

/** Why the fold (or intake, ahead of it) rejects an event. Stable names: APIs and clients depend on them. */
public enum RejectionCode {
    MALFORMED,
    DUPLICATE,
    CLOCK_SKEW,
    UNKNOWN_PARTY,
    PARTY_SUSPENDED,
    UNKNOWN_KEY,
    KEY_REVOKED,
    BAD_SIGNATURE,
    WRONG_KEY_PURPOSE,
    ROLE_NOT_ALLOWED,
    PARTY_EXISTS,
    KEY_EXISTS,
    PREFIX_CONFLICT,
    GTIN_NOT_OWNED,
    ALREADY_COMMISSIONED,
    UNKNOWN_UNIT,
    UNKNOWN_LOT,
    NOT_CUSTODIAN,
    IN_TRANSIT,
    INSIDE_CONTAINER,
    NOT_IN_CONTAINER,
    INACTIVE_UNIT,
    RECALLED_UNIT,
    ALREADY_RECALLED,
    NOT_RECEIVER,
    HANDOFF_NOT_PENDING
}
