package dev.custodyledger.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.party.PartyId;

/**
 * How a service folds the ledger.
 *
 * @param service names the Kafka clients and the position row, e.g. {@code ledger-service}
 * @param leaseGroup the consumer group whose partition owner writes the read model
 * @param maxBatch records per poll, and so at most per projected batch
 * @param snapshotEvery records between checkpoints of the fold's state, at least
 * @param snapshotGrowth records between checkpoints per unit or event in the state, when that is more
 * @param signatures whether the fold verifies every signature itself, or intake did
 */
public record FoldSettings(
        String service,
        String topic,
        String leaseGroup,
        int maxBatch,
        int snapshotEvery,
        double snapshotGrowth,
        boolean rebuildOnStart,
        TrustAnchor anchor,
        LedgerRules rules,
        SignatureCheck signatures) {

    /** A service's settings from its configuration; {@code service} also names its position row. */
    public static FoldSettings of(String service, FoldConfig config, SignatureCheck signatures) {
        FoldConfig.Operator operator = config.operator();
        FoldConfig.Engine engine = config.projection();
        return new FoldSettings(
                service,
                config.ledger().topic(),
                engine.group(),
                engine.maxBatch(),
                engine.snapshotEvery(),
                engine.snapshotGrowth(),
                engine.rebuildOnStart(),
                new TrustAnchor(
                        PartyId.of(operator.id()), operator.name(), Ed25519PublicKey.ofBase64Url(operator.publicKey())),
                new LedgerRules(config.ledger().maxFutureSkew(), config.ledger().maxPastSkew()),
                signatures);
    }
}
