package dev.custodyledger.label.config;

import dev.custodyledger.fold.FoldConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** label-service settings (prefix {@code custody}); each has an environment-variable form, e.g. CUSTODY_KEYS_PASSPHRASE. */
@ConfigMapping(prefix = "custody")
public interface LabelConfig extends FoldConfig {
    Keys keys();

    Labels labels();

    Commission commission();

    interface Keys {
        /** Encrypts the private keys held here (PBKDF2-HMAC-SHA256, AES-256); from a secret, never logged. */
        String passphrase();
    }

    interface Labels {
        /** The resolver printed in every code (not signed: a brand may move it). */
        @WithDefault("http://127.0.0.1:8082")
        String resolver();

        /** Serials inserted per statement while a batch is allocated. */
        @WithDefault("5000")
        int allocationChunk();
    }

    interface Commission {
        /** Units per COMMISSION event, at most the ledger's 10,000. */
        @WithDefault("10000")
        int chunkSize();

        /** Attempts per chunk when ledger-service cannot be reached or answers 5xx, before the chunk fails. */
        @WithDefault("8")
        int attempts();

        /** First back-off; it doubles per attempt up to {@link #maxBackoff}. */
        @WithDefault("500ms")
        Duration backoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long to follow a 202 (appended, not yet folded) before counting it as one failed attempt. */
        @WithDefault("60s")
        Duration outcomeWait();
    }
}
