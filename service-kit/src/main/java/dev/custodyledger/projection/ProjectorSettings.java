package dev.custodyledger.projection;

import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;

/**
 * How a service folds the ledger.
 *
 * @param service names the Kafka clients and the position row, e.g. {@code ledger-service}
 * @param leaseGroup the consumer group whose partition owner writes the projection
 * @param maxBatch records per poll, and so at most per projected batch
 * @param snapshotEvery a checkpoint of the fold's state whenever the seq crosses a multiple of this
 * @param signatures whether the fold verifies every signature itself, or intake did
 */
public record ProjectorSettings(
        String service,
        String bootstrap,
        String topic,
        String leaseGroup,
        int maxBatch,
        int snapshotEvery,
        boolean rebuildOnStart,
        TrustAnchor anchor,
        LedgerRules rules,
        SignatureCheck signatures) {}
