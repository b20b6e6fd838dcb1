package dev.custodyledger.ledger.config;

import dev.custodyledger.fold.FoldConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ledger-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface LedgerConfig extends FoldConfig {
    Intake intake();

    interface Intake {
        /** How long a submission waits for the fold before answering 202 with a status URL. */
        @WithDefault("2s")
        @io.smallrye.config.WithName("wait")
        Duration waitFor();

        /** Where submissions wait for the sequencer (ADR 24). */
        @WithDefault("custody.intake")
        String topic();

        /** Events per batch request, at most. */
        @WithDefault("1000")
        int maxBatch();
    }
}
