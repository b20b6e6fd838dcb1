package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.AddCheckpoint;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.SubtreeHashes;
import dev.custodyledger.ledger.config.LedgerConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The witnesses the log asks to cosign its checkpoints (C2SP tlog-witness), all at once, each with the consistency
 * proof from the size it last cosigned. A witness's size is learnt from its 409 and kept; a witness that does not
 * answer in time, or answers with a signature that does not verify, contributes nothing this time.
 */
@ApplicationScoped
public class Witnesses {
    private record Witness(URI url, NoteKey key) {}

    private final List<Witness> witnesses;
    private final int quorum;
    private final Duration timeout;
    private final HttpClient http;
    /** The size each witness last cosigned, as far as this replica knows; 0 to ask. */
    private final Map<URI, Long> sizes = new ConcurrentHashMap<>();
    /** What each witness last failed with: logged when it changes, not on every checkpoint. */
    private final Map<URI, String> failures = new ConcurrentHashMap<>();

    Witnesses(LedgerConfig config) {
        this.witnesses = config.tlog().witnesses().orElse(List.of()).stream()
                .map(Witnesses::parse)
                .toList();
        this.quorum = config.tlog().witnessQuorum();
        if (quorum > witnesses.size()) {
            throw new IllegalArgumentException("custody.tlog.witness-quorum is " + quorum + " but only "
                    + witnesses.size() + " witnesses are configured");
        }
        this.timeout = config.tlog().witnessTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    private static Witness parse(String entry) {
        String[] parts = entry.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a witness is '<add-checkpoint URL> <verifier key>': " + entry);
        }
        NoteKey key = NoteKey.parse(parts[1]);
        if (key.type() != NoteKey.COSIGNATURE) {
            throw new IllegalArgumentException("a witness's verifier key is a cosignature key (type 0x04): " + entry);
        }
        return new Witness(URI.create(parts[0]), key);
    }

    public int quorum() {
        return quorum;
    }

    public boolean any() {
        return !witnesses.isEmpty();
    }

    /** The verifier keys of the configured witnesses. */
    public List<NoteKey> keys() {
        return witnesses.stream().map(Witness::key).toList();
    }

    /**
     * {@code note} with the cosignatures that came back and verify, asking only the witnesses that have not cosigned
     * it yet. {@code hashes} answers consistency proofs from each witness's size to the checkpoint's.
     */
    public SignedNote cosign(SignedNote note, Checkpoint checkpoint, SubtreeHashes hashes) {
        List<CompletableFuture<SignedNote.Signature>> answers = new ArrayList<>();
        for (Witness w : witnesses) {
            if (note.signatures().stream().noneMatch(s -> s.by(w.key()))) {
                answers.add(ask(w, note, checkpoint, hashes, true));
            }
        }
        List<SignedNote.Signature> cosignatures = new ArrayList<>();
        for (var answer : answers) {
            SignedNote.Signature s = answer.join();
            if (s != null) {
                cosignatures.add(s);
            }
        }
        return cosignatures.isEmpty() ? note : note.with(cosignatures);
    }

    private CompletableFuture<SignedNote.Signature> ask(
            Witness w, SignedNote note, Checkpoint checkpoint, SubtreeHashes hashes, boolean retry) {
        long old = Math.min(sizes.getOrDefault(w.url(), 0L), checkpoint.size());
        List<byte[]> proof = old == 0 || old == checkpoint.size()
                ? List.of()
                : MerkleTree.consistencyProof(old, checkpoint.size(), hashes);
        var request = HttpRequest.newBuilder(w.url())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(new AddCheckpoint(old, proof, note).encode()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenCompose(response -> {
                    String body = response.body();
                    if (response.statusCode() == 409
                            && retry
                            && response.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("text/x.tlog.size")) {
                        sizes.put(w.url(), Long.parseLong(body.trim()));
                        return ask(w, note, checkpoint, hashes, false);
                    }
                    if (response.statusCode() != 200) {
                        Log.warnf(
                                "witness %s refused checkpoint %d: %d %s",
                                w.key().name(), checkpoint.size(), response.statusCode(), body.trim());
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.completedFuture(verified(w, note, checkpoint, body));
                })
                .exceptionally(e -> {
                    Log.warnf(
                            "witness %s did not answer for checkpoint %d: %s",
                            w.key().name(), checkpoint.size(), e.getMessage());
                    return null;
                });
    }

    private SignedNote.Signature verified(Witness w, SignedNote note, Checkpoint checkpoint, String lines) {
        try {
            SignedNote answered = SignedNote.parse(note.text() + "\n" + lines);
            answered.verify(List.of(w.key()));
            sizes.put(w.url(), checkpoint.size());
            if (failures.remove(w.url()) != null) {
                Log.infof(
                        "witness %s cosigns again, from checkpoint %d", w.key().name(), checkpoint.size());
            }
            return answered.signatures().stream()
                    .filter(s -> s.by(w.key()))
                    .findFirst()
                    .orElse(null);
        } catch (ProofException | NumberFormatException e) {
            Log.warnf(
                    "witness %s answered checkpoint %d with no valid cosignature: %s",
                    w.key().name(), checkpoint.size(), e.getMessage());
            return null;
        }
    }
}
