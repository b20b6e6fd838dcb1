package dev.custodyledger.scan.config;

import dev.custodyledger.projection.FoldConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** scan-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface ScanConfig {
    FoldConfig.Operator operator();

    FoldConfig.Ledger ledger();

    FoldConfig.Projection projection();

    Verify verify();

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
