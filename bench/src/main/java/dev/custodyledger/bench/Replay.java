package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * scan-service rebuilding its read model from the first record of the log ({@code ./stack rebuild
 * scan-service}), with every signature verified again or (to show what verification costs) without. The rate
 * is taken from the projection's own progress, so the JVM's start-up is not counted.
 */
final class Replay {
    private Replay() {}

    static Figures rebuildScanService(boolean verifySignatures) throws Exception {
        long head = LedgerClient.get(LedgerClient.forLocalStack().ledger + "/v1/ledger/head")
                .path("seq")
                .asLong();
        var stack = new ProcessBuilder(Path.of("stack").toAbsolutePath().toString(), "rebuild", "scan-service")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        stack.environment().put("CUSTODY_FOLD_VERIFY_SIGNATURES", String.valueOf(verifySignatures));
        Process rebuild = stack.start();
        long firstSeq = -1;
        long firstAt = 0;
        long seq = -1;
        while (seq < head) {
            Thread.sleep(50);
            seq = projectedSeqOrMinusOne();
            if (firstSeq < 0 && seq > 0 && seq < head) {
                firstSeq = seq;
                firstAt = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - firstAt) / 1e9;
        double rate = firstSeq < 0 ? Double.NaN : (head - firstSeq) / seconds;
        rebuild.waitFor();
        String how = verifySignatures ? "with" : "without";
        System.out.printf("rebuild %s signature verification: %,.0f records/s (%,d records)%n", how, rate, head);
        return new Figures()
                .add(
                        "replay." + how,
                        "scan-service rebuild from the log, " + how + " signature verification",
                        rate,
                        "records/s",
                        verifySignatures ? "bound.verify" : null,
                        null);
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
