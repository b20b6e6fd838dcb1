package dev.custodyledger.cli;

import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.LogLeaf;
import dev.custodyledger.core.tlog.LogPolicy;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.TreeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The auditor's check of the transparency log: the tree grown again from the replayed records' leaves, and its root
 * at the size of the log's checkpoint compared with the checkpoint's. A different root means the log read is not
 * the history the checkpoint's holders were shown.
 */
final class LogTreeCheck {
    /** Drained this often, so the tree holds its right edge only. */
    private static final int DRAIN_EVERY = 4096;

    static final class Options {
        @Option(
                names = "--checkpoint",
                description = "the checkpoint to compare the tree with: a file, or 'none' (default: the ledger's"
                        + " /tlog/checkpoint)")
        String checkpoint;

        @Option(names = "--ledger", defaultValue = "${CUSTODY_LEDGER_URL:-http://127.0.0.1:8081}")
        String ledger;

        @Option(names = "--log-key", description = "the log's verifier key: the checkpoint's signature is checked")
        String logKey;

        LogTreeCheck check() throws IOException, InterruptedException {
            if ("none".equals(checkpoint)) {
                return new LogTreeCheck(null, null);
            }
            String note;
            if (checkpoint != null) {
                note = Files.readString(Path.of(checkpoint), StandardCharsets.UTF_8);
            } else {
                java.net.http.HttpResponse<byte[]> response;
                try {
                    response = Http.send(ledger + "/tlog/checkpoint", "text/plain");
                } catch (IOException e) {
                    return new LogTreeCheck(null, "not compared: " + e.getMessage());
                }
                if (response.statusCode() != 200) {
                    return new LogTreeCheck(null, "the ledger serves no checkpoint (" + response.statusCode() + ")");
                }
                note = new String(response.body(), StandardCharsets.UTF_8);
            }
            try {
                SignedNote signed = SignedNote.parse(note);
                Checkpoint body = logKey == null
                        ? Checkpoint.parse(signed.text())
                        : new LogPolicy(NoteKey.parse(logKey), List.of(), 0).check(signed);
                return new LogTreeCheck(body, null);
            } catch (ProofException e) {
                throw new IllegalArgumentException("the checkpoint does not hold: " + e.getMessage());
            }
        }
    }

    private final TreeBuilder tree = TreeBuilder.empty();
    private final Checkpoint checkpoint;
    private final String noCheckpoint;
    private byte[] rootAtCheckpoint;

    private LogTreeCheck(Checkpoint checkpoint, String noCheckpoint) {
        this.checkpoint = checkpoint;
        this.noCheckpoint = noCheckpoint;
    }

    void append(Outcome outcome, byte[] value) {
        tree.append(LogLeaf.of(outcome, value).encode());
        if (tree.size() % DRAIN_EVERY == 0) {
            tree.drainChanged();
        }
        if (checkpoint != null && tree.size() == checkpoint.size()) {
            rootAtCheckpoint = tree.root();
        }
    }

    /** Prints the tree and the comparison; false when the checkpoint's root is not the tree's. */
    boolean report() {
        System.out.println("tree       " + tree.size() + " leaves, root "
                + Base64.getEncoder().encodeToString(tree.root()));
        if (checkpoint == null) {
            System.out.println("checkpoint " + (noCheckpoint == null ? "not compared" : noCheckpoint));
            return true;
        }
        if (checkpoint.size() == 0) {
            System.out.println("checkpoint of the empty tree: nothing to compare");
            return true;
        }
        if (rootAtCheckpoint == null) {
            System.out.println(
                    "checkpoint DIFFERS: it covers " + checkpoint.size() + " records, the log holds " + tree.size());
            return false;
        }
        boolean agrees = Arrays.equals(rootAtCheckpoint, checkpoint.root());
        System.out.println("checkpoint " + checkpoint.origin() + " size " + checkpoint.size() + ": "
                + (agrees ? "the tree's root agrees" : "DIFFERS: the log is not the history it was signed for"));
        return agrees;
    }
}
