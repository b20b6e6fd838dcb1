package dev.custodyledger.ledger.intake;

import dev.custodyledger.core.fold.RejectionCode;

/** The HTTP status each rejection code answers with. */
public final class RejectionStatus {
    private RejectionStatus() {}

    public static int of(RejectionCode code) {
        return switch (code) {
            case MALFORMED, CLOCK_SKEW -> 400;
            case BAD_SIGNATURE, UNKNOWN_PARTY, UNKNOWN_KEY, KEY_REVOKED, PARTY_SUSPENDED, WRONG_KEY_PURPOSE -> 403;
            default -> 409;
        };
    }
}
