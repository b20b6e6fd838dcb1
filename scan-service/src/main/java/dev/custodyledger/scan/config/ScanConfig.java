package dev.custodyledger.scan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** scan-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface ScanConfig {
    Operator operator();

    Ledger ledger();

    Projection projection();

    Verify verify();

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

        /** Must equal ledger-service's: every folder of the ledger applies the same rules. */
        @WithDefault("5m")
        Duration maxFutureSkew();

        @WithDefault("30d")
        Duration maxPastSkew();
    }

    interface Projection {
        /** Consumer group whose single partition owner writes the read model. */
        @WithDefault("scan-service-projection")
        String group();

        @WithDefault("10000")
        int snapshotEvery();

        /** Drop the read model at start and rebuild it from the log (CUSTODY_PROJECTION_REBUILD_ON_START=true). */
        @WithDefault("false")
        boolean rebuildOnStart();

        @WithDefault("2000")
        int maxBatch();
    }

    interface Verify {
        /** How long a verify may wait for the read model before answering UNAVAILABLE. */
        @WithDefault("2s")
        Duration timeout();

        /** Codes per batch request, at most. */
        @WithDefault("1000")
        int maxBatch();

        /** Journey steps shown, at most (the newest). */
        @WithDefault("50")
        int journeySteps();

        RateLimit rateLimit();
    }

    /** The public verify's limit per client address; per-second 0 turns it off (e.g. for a load test). */
    interface RateLimit {
        @WithDefault("20")
        double perSecond();

        @WithDefault("60")
        double burst();

        /** Clients tracked at once, at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int clients();
    }
}
