package dev.custodyledger.core.fold;

import java.time.Duration;

/**
 * Parameters of the fold that every folder of one ledger must share (they change outcomes): how far an
 * event's own time may lie ahead of, or behind, the time the log recorded it.
 */
public record LedgerRules(Duration maxFutureSkew, Duration maxPastSkew) {
    public static final LedgerRules DEFAULT = new LedgerRules(Duration.ofMinutes(5), Duration.ofDays(30));

    public LedgerRules {
        if (maxFutureSkew.isNegative() || maxPastSkew.isNegative()) {
            throw new IllegalArgumentException("skews must not be negative");
        }
    }
}
