package dev.custodyledger.fold;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What every folding service configures, which its {@code custody} mapping extends: the trust anchor, the ledger's
 * rules and the engine (under {@code custody.projection}, the name running deployments configure). Each has an
 * environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY.
 */
public interface FoldConfig {
    Operator operator();

    Ledger ledger();

    Engine projection();

    /** The trust anchor: the operator's party id, display name and Ed25519 public key (base64url). */
    interface Operator {
        @WithDefault("operator")
        String id();

        @WithDefault("Ledger Operator")
        String name();

        String publicKey();
    }

    interface Ledger {
        @WithDefault("custody.ledger")
        String topic();

        /** How far an event's own time may lie ahead of / behind the broker's; the same for every folder of a ledger. */
        @WithDefault("5m")
        Duration maxFutureSkew();

        @WithDefault("30d")
        Duration maxPastSkew();
    }

    interface Engine {
        /** Consumer group whose single partition owner writes the read model. */
        @WithDefault("${quarkus.application.name}-projection")
        String group();

        /** A checkpoint of the fold is stored with the read model every this many records, at least. */
        @WithDefault("10000")
        int snapshotEvery();

        /**
         * Records between checkpoints per unit or event in the state, once that is more than {@link #snapshotEvery}:
         * a checkpoint writes the whole state, so this bounds its cost per record (and what a restart replays).
         */
        @WithDefault("0.25")
        double snapshotGrowth();

        /** Drop the read model at start and rebuild it from the log (CUSTODY_PROJECTION_REBUILD_ON_START=true). */
        @WithDefault("false")
        boolean rebuildOnStart();

        /** Records folded per poll, at most. */
        @WithDefault("2000")
        int maxBatch();
    }
}
