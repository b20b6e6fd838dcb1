package dev.custodyledger.fold;

import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.Outcome;

/** A record as folded: what the log held (decoded and raw) and what the fold decided. */
public record Folded(LedgerRecord record, byte[] value, Outcome outcome) {}
