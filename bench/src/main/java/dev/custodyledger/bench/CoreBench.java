package dev.custodyledger.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the custody-core benchmarks in one JVM session and prints each figure beside its bound and bar:
 * fold throughput on the heap store and on RocksDB (bars: 200,000 and 150,000 events/s on one thread) and envelope verification as a share of raw
 * BouncyCastle verify measured in the same run (bar: 80 %).
 */
public final class CoreBench {
    private CoreBench() {}

    public static void main(String[] args) throws RunnerException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var options = new OptionsBuilder()
                .include(FoldBenchmark.class.getSimpleName())
                .include(EnvelopeBenchmark.class.getSimpleName())
                .forks(1)
                .threads(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("-Xmx2g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            scores.put(
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    new double[] {primary.getScore(), primary.getScoreError()});
        }
        double fold = scores.get("foldHandoffsAndReceipts")[0];
        double onDisk = scores.get("foldHandoffsAndReceiptsOnRocksDb")[0];
        double raw = scores.get("rawBouncyCastleVerify")[0];
        double envelope = scores.get("decodeAndVerifyEnvelope")[0];
        double sign = scores.get("rawSign")[0];
        double strict = scores.get("rawBouncyCastleVerifyDecodedKey")[0];
        double ratio = envelope / strict;
        System.out.println();
        System.out.println("== custody-core benchmark (one thread, " + iterations
                + " measured iterations of 3 s, JMH mean ± 99.9 % confidence half-width)");
        row(
                "fold: single-unit HANDOFF/RECEIVE",
                scores.get("foldHandoffsAndReceipts"),
                "events/s",
                String.format(Locale.ROOT, "bar >= 200,000 events/s: %s", fold >= 200_000 ? "MET" : "MISSED"));
        row(
                "fold on RocksDB, committed every 2,000",
                scores.get("foldHandoffsAndReceiptsOnRocksDb"),
                "events/s",
                String.format(
                        Locale.ROOT,
                        "= %.2f of the heap's; bar >= 150,000 events/s: %s",
                        onDisk / fold,
                        onDisk >= 150_000 ? "MET" : "MISSED"));
        row(
                "bound: BouncyCastle Ed25519 verify (raw)",
                scores.get("rawBouncyCastleVerify"),
                "verifies/s",
                "key decoded per call");
        row("bound: same, key decoded once (strict)", scores.get("rawBouncyCastleVerifyDecodedKey"), "verifies/s", "");
        row(
                "envelope: decode + JCS + SHA-256 + verify",
                scores.get("decodeAndVerifyEnvelope"),
                "envelopes/s",
                String.format(
                        Locale.ROOT,
                        "= %.1f %% of the strict bound (%.1f %% of per-call); bar >= 80 %%: %s",
                        ratio * 100,
                        envelope / raw * 100,
                        ratio >= 0.8 ? "MET" : "MISSED"));
        row("bound: BouncyCastle Ed25519 sign (raw)", scores.get("rawSign"), "signatures/s", "");
        System.out.printf(
                Locale.ROOT,
                "%nfold is %.1fx the raw verify rate: signatures, not the fold, bound a verifying replay.%n",
                fold / strict);
    }

    private static void row(String name, double[] score, String unit, String verdict) {
        System.out.printf(Locale.ROOT, "%-44s %,12.0f ± %,9.0f %-13s %s%n", name, score[0], score[1], unit, verdict);
    }
}
