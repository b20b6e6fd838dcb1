package dev.custodyledger.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ledger-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface LedgerConfig {
    Operator operator();

    Intake intake();

    Ledger ledger();

    Projection projection();

    /** The trust anchor: the operator's party id, display name and Ed25519 public key (base64url). */
    interface Operator {
        @WithDefault("operator")
        String id();

        @WithDefault("Ledger Operator")
        String name();

        String publicKey();
    }

    interface Intake {
        /** How long a submission waits for the fold before answering 202 with a status URL. */
        @WithDefault("2s")
        @io.smallrye.config.WithName("wait")
        Duration waitFor();

        /** Events per batch request, at most. */
        @WithDefault("1000")
        int maxBatch();
    }

    interface Ledger {
        @WithDefault("custody.ledger")
        String topic();

        /** How far an event's own time may lie ahead of / behind the broker's; shared by every folder of the ledger. */
        @WithDefault("5m")
        Duration maxFutureSkew();

        @WithDefault("30d")
        Duration maxPastSkew();
    }

    interface Projection {
        /** Consumer group whose single partition owner writes the projections. */
        @WithDefault("ledger-service-projection")
        String group();

        /** A fold snapshot is stored with the projection every this many records. */
        @WithDefault("10000")
        int snapshotEvery();

        /** Drop the read model at start and rebuild it from the log (CUSTODY_PROJECTION_REBUILD_ON_START=true). */
        @WithDefault("false")
        boolean rebuildOnStart();

        /** Records folded and written per transaction, at most. */
        @WithDefault("2000")
        int maxBatch();
    }
}
