package dev.custodyledger.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where the fold stands: its last record, the digest of its state there, what it decided so far and how far the
 * read model is written. {@code recordTime} is left out while the log is empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Head(
        long seq,
        long offset,
        Instant recordTime,
        String stateDigest,
        long accepted,
        long rejected,
        long projectedSeq) {}
