package dev.custodyledger.projection;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.kafka.KafkaAccess;

/**
 * How a service folds the ledger.
 *
 * @param service names the Kafka clients and the position row, e.g. {@code ledger-service}
 * @param leaseGroup the consumer group whose partition owner writes the projection
 * @param maxBatch records per poll, and so at most per projected batch
 * @param snapshotEvery records between checkpoints of the fold's state, at least
 * @param snapshotGrowth records between checkpoints per unit or event in the state, when that is more
 * @param signatures whether the fold verifies every signature itself, or intake did
 */
public record ProjectorSettings(
        String service,
        KafkaAccess kafka,
        String topic,
        String leaseGroup,
        int maxBatch,
        int snapshotEvery,
        double snapshotGrowth,
        boolean rebuildOnStart,
        TrustAnchor anchor,
        LedgerRules rules,
        SignatureCheck signatures) {

    /** A service's settings from its configuration groups; {@code service} also names its position row. */
    public static ProjectorSettings of(
            String service,
            KafkaAccess kafka,
            FoldConfig.Operator operator,
            FoldConfig.Ledger ledger,
            FoldConfig.Projection projection,
            SignatureCheck signatures) {
        return new ProjectorSettings(
                service,
                kafka,
                ledger.topic(),
                projection.group(),
                projection.maxBatch(),
                projection.snapshotEvery(),
                projection.snapshotGrowth(),
                projection.rebuildOnStart(),
                new TrustAnchor(
                        PartyId.of(operator.id()), operator.name(), Ed25519PublicKey.ofBase64Url(operator.publicKey())),
                new LedgerRules(ledger.maxFutureSkew(), ledger.maxPastSkew()),
                signatures);
    }
}
