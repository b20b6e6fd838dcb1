package dev.custodyledger.scan.config;

import dev.custodyledger.fold.FoldConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** scan-service settings (prefix {@code custody}); every one has an environment-variable form, e.g. CUSTODY_OPERATOR_PUBLIC_KEY. */
@ConfigMapping(prefix = "custody")
public interface ScanConfig extends FoldConfig {
    Verify verify();

    /**
     * Whether the fold verifies every signature again (the default: the topic is trusted no more than an auditor
     * trusts it). Off only to measure what verification costs a rebuild, or to rebuild from a topic whose only
     * writer is trusted; key existence, ownership and revocation are checked either way.
     */
    @WithName("fold.verify-signatures")
    @WithDefault("true")
    boolean foldVerifiesSignatures();

    Scans scans();

    /** Recorded scans and the clone detector (custody-core's ScanDetector rules). */
    interface Scans {
        @WithDefault("custody.scans")
        String topic();

        @WithDefault("custody.alerts")
        String alertsTopic();

        /** Consumer group of the detectors: replicas share the scan topic's partitions (keyed by unit). */
        @WithDefault("${quarkus.application.name}-detector")
        String group();

        /** How far back consumer scans count towards the clone rules. */
        @WithDefault("30d")
        Duration window();

        /** More distinct devices than this within the window: likely copied. */
        @WithDefault("3")
        int maxDevices();

        /** More distinct places than this within the window (by more than one device): likely copied. */
        @WithDefault("2")
        int maxPlaces();
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

        /**
         * Read-model statements running at once; further lookups wait and go together in the next statement. One
         * suits a database that shares a few cores with the services (the local stack): fewer, fuller statements
         * leave more CPU to everything else. Raise it where PostgreSQL has cores of its own.
         */
        @WithDefault("1")
        int lookupsInFlight();

        /** Units looked up in one statement, at most: it bounds how long one statement holds the lookups behind it. */
        @WithDefault("64")
        int unitsPerLookup();

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
