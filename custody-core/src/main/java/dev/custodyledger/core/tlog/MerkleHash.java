package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Sha256;
import java.security.MessageDigest;

/** RFC 9162 §2.1.1 hashing: SHA-256 with a 0x00 prefix for leaves and 0x01 for interior nodes. */
public final class MerkleHash {
    public static final int SIZE = 32;

    /** The root of the empty tree: the hash of nothing. */
    public static final byte[] EMPTY = Sha256.hash(new byte[0]);

    private MerkleHash() {}

    public static byte[] leaf(byte[] entry) {
        MessageDigest d = Sha256.newDigest();
        d.update((byte) 0x00);
        d.update(entry);
        return d.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = Sha256.newDigest();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }
}
