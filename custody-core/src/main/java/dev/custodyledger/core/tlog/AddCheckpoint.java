package dev.custodyledger.core.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A request to a witness (C2SP tlog-witness {@code add-checkpoint}): the size of the checkpoint the client believes
 * the witness last cosigned, a consistency proof from it, and the new signed checkpoint.
 *
 * <pre>
 * old &lt;decimal&gt;
 * &lt;base64 hash&gt;   zero to 63 lines
 *
 * &lt;signed checkpoint&gt;
 * </pre>
 */
public record AddCheckpoint(long oldSize, List<byte[]> proof, SignedNote checkpoint) {
    public static final int MAX_PROOF = 63;

    public AddCheckpoint {
        if (oldSize < 0) {
            throw new IllegalArgumentException("an old size is not negative");
        }
        proof = proof.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }

    public String encode() {
        var out = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.append('\n').append(checkpoint.encode()).toString();
    }

    /** @throws ProofException when {@code body} is not such a request */
    public static AddCheckpoint parse(byte[] body) throws ProofException {
        if (body.length > SignedNote.MAX_BYTES + (MAX_PROOF + 1) * 64) {
            throw new ProofException("the request is too large");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new ProofException("the old size and the proof end with a blank line before the checkpoint");
        }
        List<String> lines = Arrays.asList(text.substring(0, blank).split("\n", -1));
        if (!lines.get(0).matches("old (0|[1-9][0-9]{0,18})")) {
            throw new ProofException("the first line is 'old' and a size, a decimal with no leading zero");
        }
        if (lines.size() - 1 > MAX_PROOF) {
            throw new ProofException("a consistency proof has at most " + MAX_PROOF + " hashes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(line);
            } catch (IllegalArgumentException e) {
                throw new ProofException("a proof line is one base64 hash");
            }
            if (hash.length != MerkleHash.SIZE) {
                throw new ProofException("a proof hash has 32 bytes");
            }
            proof.add(hash);
        }
        return new AddCheckpoint(
                Long.parseLong(lines.get(0).substring(4)), proof, SignedNote.parse(text.substring(blank + 2)));
    }
}
