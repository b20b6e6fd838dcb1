package dev.custodyledger.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The whole system on the local stack, in one run: ingest, verify, end-to-end, replay and label figures beside
 * the bounds of this machine measured in the same run, repeated and reported as medians with their spread in
 * {@code bench/results/<time>.md} and {@code .json}. Run it through {@code bench/run}, which builds, starts the
 * stack as the benchmark needs it and passes the arguments on.
 *
 * <p>Arguments: {@code [repeats=3] [units=1000000] [labels=100000]}.
 */
public final class SystemBench {
    private SystemBench() {}

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int labels = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Replay.requireStackScript();
        var report = new Report();
        String machine = String.format(
                Locale.ROOT,
                "Machine: %d cores, Java %s, %s; everything (Kafka, PostgreSQL, three services, load) on it."
                        + " %d runs over %,d verifiable units; labels once, %,d labels.",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                repeats,
                units,
                labels);
        System.out.println("== " + machine);

        ScanBench verify = ScanBench.prepare(units);
        for (int run = 1; run <= repeats; run++) {
            System.out.printf("%n== run %d of %d%n", run, repeats);
            report.add(Bounds.measure());
            Figures ingest = LedgerBench.measure(20_000, 200, 20);
            report.add(ingest);
            report.add(verify.measure(2000, 20, 1000));
            try {
                report.add(RestartBench.measure(ingest.value("ingest.batch")));
            } catch (IllegalStateException e) {
                // One figure missing must not cost the report; the row shows fewer runs.
                System.out.println("restart benchmark failed in run " + run + ": " + e.getMessage());
            }
        }
        System.out.println("\n== labels");
        report.add(LabelBench.measure(labels, Math.min(labels, 10_000), Math.min(labels, 2_000)));
        System.out.println("\n== replay: scan-service rebuilds its read model from the log");
        report.add(Replay.rebuildScanService(false));
        report.add(Replay.rebuildScanService(true));
        System.out.println("\n== the transparency log: what the tree costs ingest; tiles, proofs");
        report.add(TreeCost.measure());
        report.add(TlogBench.measure(System.getenv().getOrDefault("CUSTODY_LEDGER_URL", "http://127.0.0.1:8081")));
        report.note("Latencies at fixed rates are open-loop (measured from each request's intended start, so"
                + " coordinated omission is corrected) and recorded in HdrHistogram.");
        report.note("Labels and replay run once per report (they rebuild or allocate a whole batch); their spread"
                + " is that one value.");

        Path written = report.write(Path.of("bench", "results"), machine);
        System.out.println();
        System.out.println(report.markdown(machine));
        System.out.println("written: " + written + " (and .json)");
        System.exit(0);
    }
}
