package dev.custodyledger.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.core.fold.FoldScope;
import java.time.Instant;

/**
 * Where the fold stands: its last record, the digest of its state there, what it decided so far and how far the
 * read model is written. {@code recordTime} is left out while the log is empty. {@code scope} says which records
 * the fold decides: only {@code LEDGER} heads compare with each other and with an auditor's replay; a
 * {@code REGISTRY} head's digest and counts are of the registry's records alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Head(
        long seq,
        long offset,
        Instant recordTime,
        String stateDigest,
        FoldScope scope,
        long accepted,
        long rejected,
        long projectedSeq) {}
