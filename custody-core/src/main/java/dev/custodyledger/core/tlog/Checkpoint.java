package dev.custodyledger.core.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint's body (C2SP tlog-checkpoint): the log's origin, the tree size and the root hash, one per line;
 * extension lines may follow (kept when read, never written: monitors cannot audit them).
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (root.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        root = root.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public String text() {
        var text = new StringBuilder(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(root))
                .append('\n');
        extensions.forEach(e -> text.append(e).append('\n'));
        return text.toString();
    }

    /** @throws ProofException when {@code text} is not a checkpoint body */
    public static Checkpoint parse(String text) throws ProofException {
        if (!text.endsWith("\n")) {
            throw new ProofException("a checkpoint's text ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3 || Arrays.stream(lines).anyMatch(String::isEmpty)) {
            throw new ProofException("a checkpoint has an origin, a size and a root, each on a non-empty line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new ProofException("a checkpoint's size is a decimal with no leading zero");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("a checkpoint's size is a number and its root base64");
        }
        if (root.length != MerkleHash.SIZE) {
            throw new ProofException("a checkpoint's root hash has 32 bytes");
        }
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && origin.equals(c.origin)
                && size == c.size
                && Arrays.equals(root, c.root)
                && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + " " + size + " " + Base64.getEncoder().encodeToString(root) + "]";
    }
}
