package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scan-service rebuilding its read model from the first record of the log ({@code ./stack rebuild
 * scan-service}), with every signature verified again or (to show what verification costs) without. The clock
 * starts when the service logs that it dropped its read model (so the JVM's start-up is not counted) and stops
 * when its read model holds the last record of the log.
 */
final class Replay {
    private static final Pattern DROPPED =
            Pattern.compile("\"timestamp\":\"([^\"]+)\".*read model and state store emptied");

    private Replay() {}

    static Figures rebuildScanService(boolean verifySignatures) throws Exception {
        // Measured just before, so that the rebuild and its bound see the machine alike.
        double verifyBound = verifySignatures ? Bounds.verify() : Double.NaN;
        long head = LedgerClient.get(LedgerClient.forLocalStack().ledger + "/v1/ledger/head")
                .path("seq")
                .asLong();
        Path log = stackDir().resolve("logs/scan-service.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        var stack = new ProcessBuilder(Path.of("stack").toAbsolutePath().toString(), "rebuild", "scan-service")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        stack.environment().put("CUSTODY_FOLD_VERIFY_SIGNATURES", String.valueOf(verifySignatures));
        Process rebuild = stack.start();
        Instant dropped = null;
        while (dropped == null) {
            Thread.sleep(100);
            dropped = droppedAt(log, logStart);
        }
        while (projectedSeqOrMinusOne() < head) {
            Thread.sleep(50);
        }
        double seconds = Duration.between(dropped, Instant.now()).toMillis() / 1000.0;
        double rate = head / seconds;
        rebuild.waitFor();
        String how = verifySignatures ? "with" : "without";
        System.out.printf(
                "rebuild %s signature verification: %,d records in %.1f s, %,.0f records/s%n",
                how, head, seconds, rate);
        var figures = new Figures()
                .add(
                        "replay." + how,
                        "scan-service rebuild from the log, " + how + " signature verification",
                        rate,
                        "records/s",
                        verifySignatures ? "bound.verify" : null,
                        null);
        if (verifySignatures) {
            System.out.printf("one-thread verify just before: %,.0f verifies/s%n", verifyBound);
            figures.add(
                    "replay.with.share",
                    "scan-service rebuild with signature verification, as a multiple of one-thread BouncyCastle"
                            + " verify measured just before it",
                    rate / verifyBound,
                    "x",
                    null,
                    Figures.atLeast(1.5));
        }
        return figures;
    }

    /** When the service logged, after {@code from} bytes of its log, that it dropped its read model. */
    private static Instant droppedAt(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        String text = Files.readString(log);
        List<String> lines =
                text.substring((int) Math.min(from, text.length())).lines().toList();
        for (String line : lines) {
            Matcher m = DROPPED.matcher(line);
            if (m.find()) {
                return Instant.parse(m.group(1));
            }
        }
        return null;
    }

    static Path stackDir() {
        return Path.of(System.getenv().getOrDefault("CUSTODY_STACK_DIR", ".stack"));
    }

    private static long projectedSeqOrMinusOne() {
        try {
            return ScanBench.projectedSeq(ScanBench.SCAN_URL);
        } catch (RuntimeException e) {
            return -1; // restarting
        }
    }

    static void requireStackScript() throws IOException {
        if (!Path.of("stack").toFile().canExecute()) {
            throw new IOException("run from the repository root (./stack must be here)");
        }
    }
}
