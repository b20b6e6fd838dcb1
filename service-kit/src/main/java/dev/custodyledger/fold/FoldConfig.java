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

        /**
         * The folder of the fold's state store (CUSTODY_PROJECTION_STATE_DIR), the replica's own: a volume on
         * Kubernetes. Unset, the state is kept in the heap and a restart folds the log from its first record.
         */
        java.util.Optional<String> stateDir();

        /** The state store's block cache in MiB, outside the heap. */
        @WithDefault("64")
        int stateCacheMb();

        /** Drop the read model at start and rebuild it from the log (CUSTODY_PROJECTION_REBUILD_ON_START=true). */
        @WithDefault("false")
        boolean rebuildOnStart();

        /** Records folded per poll, at most. */
        @WithDefault("2000")
        int maxBatch();
    }
}
