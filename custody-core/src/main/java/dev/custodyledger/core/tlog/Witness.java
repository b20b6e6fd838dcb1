package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A witness's decision on one {@code add-checkpoint} request (C2SP tlog-witness), as a checklist in the
 * specification's order, with no I/O: the caller keeps the state ({@link Seen} per origin) and must store the
 * answer's new state before it sends the cosignature, atomically with the check.
 */
public final class Witness {
    /** The last checkpoint this witness cosigned for a log. */
    public record Seen(long size, byte[] root) {
        public Seen {
            root = root.clone();
        }

        @Override
        public byte[] root() {
            return root.clone();
        }
    }

    /** What the witness answers. */
    public sealed interface Answer permits Cosigned, Refused {}

    /** Cosigned: store {@code seen} for the origin, then answer 200 with the signature line. */
    public record Cosigned(String origin, Seen seen, SignedNote.Signature cosignature) implements Answer {}

    /** Refused with an HTTP status and a one-line body (for 409 on a size mismatch, the size it last cosigned). */
    public record Refused(int status, String contentType, String body) implements Answer {
        static Refused text(int status, String why) {
            return new Refused(status, "text/plain; charset=utf-8", why + "\n");
        }
    }

    private final String name;
    private final Ed25519PrivateKey key;
    /** The logs it witnesses, by origin: the key that must have signed each one's checkpoints. */
    private final Map<String, NoteKey> logs;

    public Witness(String name, Ed25519PrivateKey key, List<NoteKey> logs) {
        this.name = name;
        this.key = key;
        this.logs = Map.copyOf(logs.stream().collect(Collectors.toMap(NoteKey::name, k -> k)));
    }

    /** This witness's verifier key (cosignature/v1). */
    public NoteKey verifier() {
        return new NoteKey(name, NoteKey.COSIGNATURE, key.publicKey());
    }

    /**
     * The checks: the body parses; the origin is a log it witnesses (404); the log's key signed it (403); the old
     * size is at most the new one (400) and is the size it last cosigned (409, with that size); the same size has
     * the same root (409); otherwise the consistency proof holds (422; empty from zero). Then it cosigns.
     *
     * @param last what it last cosigned per origin
     * @param now seconds since the epoch, for the cosignature's timestamp
     */
    public Answer add(byte[] body, Map<String, Seen> last, long now) {
        AddCheckpoint request;
        Checkpoint checkpoint;
        try {
            request = AddCheckpoint.parse(body);
            checkpoint = Checkpoint.parse(request.checkpoint().text());
        } catch (ProofException e) {
            return Refused.text(400, e.getMessage());
        }
        NoteKey log = logs.get(checkpoint.origin());
        if (log == null) {
            return Refused.text(404, "this witness does not witness " + checkpoint.origin());
        }
        try {
            request.checkpoint().verify(List.of(log));
        } catch (ProofException e) {
            return Refused.text(403, "the checkpoint is not signed by the key of " + checkpoint.origin());
        }
        if (request.oldSize() > checkpoint.size()) {
            return Refused.text(400, "the old size is larger than the checkpoint's");
        }
        Seen seen = last.get(checkpoint.origin());
        long seenSize = seen == null ? 0 : seen.size();
        if (request.oldSize() != seenSize) {
            return new Refused(409, "text/x.tlog.size", seenSize + "\n");
        }
        if (seen != null && seenSize == checkpoint.size()) {
            if (!Arrays.equals(seen.root(), checkpoint.root())) {
                return Refused.text(409, "a checkpoint of the same size with another root: a fork");
            }
        } else if (seenSize == 0) {
            if (!request.proof().isEmpty()) {
                return Refused.text(422, "a proof from the empty tree is empty");
            }
        } else {
            try {
                MerkleTree.verifyConsistency(
                        seenSize, checkpoint.size(), seen.root(), checkpoint.root(), request.proof());
            } catch (ProofException e) {
                return Refused.text(422, "the consistency proof does not hold: " + e.getMessage());
            }
        }
        return new Cosigned(
                checkpoint.origin(),
                new Seen(checkpoint.size(), checkpoint.root()),
                Cosignature.sign(name, key, request.checkpoint().text(), now));
    }
}
