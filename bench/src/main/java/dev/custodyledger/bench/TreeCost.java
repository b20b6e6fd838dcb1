package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What growing the transparency log's tree costs batch ingest, in the same run: ledger-service restarted with the
 * tree off ({@code CUSTODY_TLOG_ENABLED=false}), batch ingest measured; restarted with it on and its read model
 * rebuilt (the tiles stopped while it was off), measured again. Bar: on within 5 % of off.
 */
final class TreeCost {
    private static final int UNITS = 20_000;
    private static final int BURSTS = 3;

    private TreeCost() {}

    static Figures measure() throws Exception {
        restart("CUSTODY_TLOG_ENABLED", "false");
        double off = LedgerBench.batchOnly(UNITS, BURSTS);
        restart("CUSTODY_PROJECTION_REBUILD_ON_START", "true");
        double on = LedgerBench.batchOnly(UNITS, BURSTS);
        System.out.printf(
                Locale.ROOT, "batch ingest with the tree off %,.0f/s, on %,.0f/s (%.2f)%n", off, on, on / off);
        return new Figures()
                .add("tlog.ingest.off", "accepted events/s, batch endpoint, the tree off", off, "events/s")
                .add(
                        "tlog.ingest.on",
                        "accepted events/s, batch endpoint, the tree on (same run, after the one above)",
                        on,
                        "events/s",
                        "tlog.ingest.off",
                        null)
                .add(
                        "tlog.ingest.share",
                        "batch ingest with the tree as a share of it without",
                        on / off,
                        "share",
                        null,
                        Figures.atLeast(0.95));
    }

    /** ./stack restart ledger-service with one setting, waiting until it is ready and its read model caught up. */
    private static void restart(String variable, String value) throws IOException, InterruptedException {
        var restart = new ProcessBuilder(Path.of("stack").toAbsolutePath().toString(), "restart", "ledger-service")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        restart.environment().put(variable, value);
        if (restart.start().waitFor() != 0) {
            throw new IllegalStateException("./stack restart ledger-service failed");
        }
        String ledger = System.getenv().getOrDefault("CUSTODY_LEDGER_URL", "http://127.0.0.1:8081");
        long seq = LedgerClient.get(ledger + "/v1/ledger/head").path("seq").asLong();
        while (ScanBench.projectedSeq(ledger, "ledger-fold") < seq) {
            Thread.sleep(200);
        }
    }
}
