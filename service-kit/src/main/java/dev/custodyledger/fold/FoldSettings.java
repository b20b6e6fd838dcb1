package dev.custodyledger.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.fold.FoldScope;
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
 * @param signatures whether the fold verifies every signature itself, or intake did
 * @param scope which records the fold decides: the whole ledger, or the registry alone
 * @param stateDir the folder of the fold's state store; null keeps the state in the heap
 * @param stateCacheBytes the store's block cache, outside the heap
 */
public record FoldSettings(
        String service,
        String topic,
        String leaseGroup,
        int maxBatch,
        boolean rebuildOnStart,
        TrustAnchor anchor,
        LedgerRules rules,
        SignatureCheck signatures,
        FoldScope scope,
        java.nio.file.Path stateDir,
        long stateCacheBytes) {

    /** Where the state lives: the configured folder, or the heap. */
    StateHome stateHome() {
        return stateDir == null ? StateHome.inHeap() : StateHome.onDisk(stateDir, stateCacheBytes);
    }

    /** The same settings for a fold that decides only the records of {@code scope}. */
    public FoldSettings scoped(FoldScope scope) {
        return new FoldSettings(
                service,
                topic,
                leaseGroup,
                maxBatch,
                rebuildOnStart,
                anchor,
                rules,
                signatures,
                scope,
                stateDir,
                stateCacheBytes);
    }

    /** A service's settings from its configuration; {@code service} also names its position row. */
    public static FoldSettings of(String service, FoldConfig config, SignatureCheck signatures) {
        FoldConfig.Operator operator = config.operator();
        FoldConfig.Engine engine = config.projection();
        return new FoldSettings(
                service,
                config.ledger().topic(),
                engine.group(),
                engine.maxBatch(),
                engine.rebuildOnStart(),
                new TrustAnchor(
                        PartyId.of(operator.id()), operator.name(), Ed25519PublicKey.ofBase64Url(operator.publicKey())),
                new LedgerRules(config.ledger().maxFutureSkew(), config.ledger().maxPastSkew()),
                signatures,
                FoldScope.LEDGER,
                engine.stateDir().map(java.nio.file.Path::of).orElse(null),
                (long) engine.stateCacheMb() << 20);
    }
}
