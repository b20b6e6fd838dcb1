package dev.custodyledger.core.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An offline-checkable proof that an entry is in the log (C2SP tlog-proof): the entry's index, its inclusion proof
 * in the tree of a checkpoint, and that checkpoint signed by the log and cosigned by witnesses. Here the extra data
 * is always the entry itself, a {@link LogLeaf}, so that a proof names the record it proves.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64 of the leaf&gt;
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;   one line per proof hash, leaf side first
 *
 * &lt;the signed checkpoint, as served&gt;
 * </pre>
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, SignedNote checkpoint) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    /** A proof in a tree of 2^63 leaves has 63 hashes; a bundle is a few kilobytes at most. */
    public static final int MAX_BYTES = 64 * 1024;

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("an entry's index is not negative");
        }
        extra = extra == null ? null : extra.clone();
        hashes = hashes.stream().map(byte[]::clone).toList();
        if (hashes.stream().anyMatch(h -> h.length != MerkleHash.SIZE)) {
            throw new IllegalArgumentException("every proof hash has 32 bytes");
        }
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    @Override
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }

    public String encode() {
        var out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ")
                    .append(Base64.getEncoder().encodeToString(extra))
                    .append('\n');
        }
        out.append("index ").append(index).append('\n');
        hashes.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.append('\n').append(checkpoint.encode()).toString();
    }

    /** @throws ProofException when {@code text} is not a proof in this format */
    public static TlogProof parse(String text) throws ProofException {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ProofException("a proof has at most " + MAX_BYTES + " bytes");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new ProofException("a proof's lines end with a blank line before the checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new ProofException("a proof starts with the line " + HEADER);
        }
        int at = 1;
        byte[] extra = null;
        try {
            if (at < lines.length && lines[at].startsWith("extra ")) {
                extra = Base64.getDecoder().decode(lines[at++].substring("extra ".length()));
            }
            if (at >= lines.length || !lines[at].matches("index (0|[1-9][0-9]{0,18})")) {
                throw new ProofException("a proof names its entry's index, a decimal with no leading zero");
            }
            long index = Long.parseLong(lines[at++].substring("index ".length()));
            List<byte[]> hashes = new ArrayList<>();
            for (; at < lines.length; at++) {
                byte[] hash = Base64.getDecoder().decode(lines[at]);
                if (hash.length != MerkleHash.SIZE) {
                    throw new ProofException("a proof hash has 32 bytes");
                }
                hashes.add(hash);
            }
            return new TlogProof(extra, index, hashes, SignedNote.parse(text.substring(blank + 2)));
        } catch (IllegalArgumentException e) {
            throw new ProofException("a proof's extra data and hashes are base64");
        }
    }

    /**
     * Checks the proof, top to bottom: the checkpoint holds under {@code policy} (signed by the log, cosigned by a
     * quorum of witnesses, of the log's origin), and its tree includes {@code entry} at {@link #index}. Answers the
     * checkpoint the proof stands on.
     *
     * @throws ProofException naming the first check that failed
     */
    public Checkpoint verify(LogPolicy policy, byte[] entry) throws ProofException {
        Checkpoint body = policy.check(checkpoint);
        if (index >= body.size()) {
            throw new ProofException("entry " + index + " is beyond the checkpoint's " + body.size() + " entries");
        }
        MerkleTree.verifyInclusion(index, body.size(), MerkleHash.leaf(entry), hashes, body.root());
        return body;
    }
}
