package dev.custodyledger.ledger.config;

import dev.custodyledger.fold.FoldConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** ledger-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface LedgerConfig extends FoldConfig {
    Intake intake();

    Tlog tlog();

    /** The transparency log over the ledger (ADR 29). */
    interface Tlog {
        /**
         * Whether the read model grows the tree at all: off only to measure what it costs. Turned on again, the
         * tree's tiles stop where it was turned off, so the read model must be rebuilt
         * ({@code custody.projection.rebuild-on-start}).
         */
        @WithDefault("true")
        boolean enabled();

        /** The log's name in every checkpoint and the log key's name: a schema-less URL, one per deployment. */
        @WithDefault("localhost/custody-ledger")
        String origin();

        /**
         * The log key (PKCS#8 PEM, the {@code log} purpose): without one the tree and its tiles are kept and served
         * but no checkpoint is signed.
         */
        Optional<Path> keyFile();

        /** Its passphrase when the file is encrypted. */
        Optional<String> keyPassphrase();

        /**
         * The witnesses asked to cosign each checkpoint, each as {@code <add-checkpoint URL> <verifier key>}
         * (C2SP tlog-witness); none by default.
         */
        Optional<List<String>> witnesses();

        /** Cosignatures a checkpoint needs before {@code /tlog/checkpoint} serves it. */
        @WithDefault("0")
        int witnessQuorum();

        /** How long a witness may take to answer. */
        @WithDefault("2s")
        Duration witnessTimeout();

        /** How often the lease holder looks for a grown tree to sign. */
        @WithDefault("250ms")
        Duration signEvery();
    }

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
