package dev.custodyledger.core.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 9162 §2.1 Merkle tree over a log's leaves: roots, inclusion and consistency proofs built from the hashes
 * of perfect subtrees the tree holds ({@link SubtreeHashes}), and the verification of both proofs as §2.1.3.2 and
 * §2.1.4.2 give it. Building recurses as the definitions do (MTH, PATH, SUBPROOF): every range a recursion reaches
 * on its left is a perfect, aligned subtree, so only ranges on the tree's right edge are hashed from parts.
 */
public final class MerkleTree {
    private MerkleTree() {}

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(long size, SubtreeHashes hashes) {
        return size == 0 ? MerkleHash.EMPTY.clone() : range(0, size, hashes);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, from the leaf's sibling up. */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hashes, proof);
        return proof;
    }

    /** The proof that the tree of {@code size} leaves extends the tree of its first {@code oldSize}. */
    public static List<byte[]> consistencyProof(long oldSize, long size, SubtreeHashes hashes) {
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < size) {
            subproof(oldSize, 0, size, true, hashes, proof);
        }
        return proof;
    }

    /** MTH(D[from:to]). */
    static byte[] range(long from, long to, SubtreeHashes hashes) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return hashes.subtree(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = splitOf(n);
        return MerkleHash.node(range(from, from + k, hashes), range(from + k, to, hashes));
    }

    private static void path(long m, long from, long to, SubtreeHashes hashes, List<byte[]> proof) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = splitOf(n);
        if (m < k) {
            path(m, from, from + k, hashes, proof);
            proof.add(range(from + k, to, hashes));
        } else {
            path(m - k, from + k, to, hashes, proof);
            proof.add(range(from, from + k, hashes));
        }
    }

    private static void subproof(long m, long from, long to, boolean whole, SubtreeHashes hashes, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(range(from, to, hashes));
            }
            return;
        }
        long k = splitOf(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, hashes, proof);
            proof.add(range(from + k, to, hashes));
        } else {
            subproof(m - k, from + k, to, false, hashes, proof);
            proof.add(range(from, from + k, hashes));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    private static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with {@code root}
     * (RFC 9162 §2.1.3.2).
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf index " + index + " is outside a tree of " + size);
        }
        requireHash(leafHash);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p);
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the tree is deep");
        }
        if (!Arrays.equals(r, root)) {
            throw new ProofException("the inclusion proof leads to a different root");
        }
    }

    /**
     * Checks that the tree of {@code size} leaves with {@code root} extends the tree of {@code oldSize} leaves with
     * {@code oldRoot} (RFC 9162 §2.1.4.2; between trees of the same size the proof is empty and the roots equal).
     * Every tree extends the empty one, so a proof from it proves nothing and is refused: a witness that has seen
     * no checkpoint yet checks none (C2SP tlog-witness).
     */
    public static void verifyConsistency(long oldSize, long size, byte[] oldRoot, byte[] root, List<byte[]> proof)
            throws ProofException {
        if (oldSize <= 0 || oldSize > size) {
            throw new ProofException("no consistency proof from a tree of " + oldSize + " to one of " + size);
        }
        if (oldSize == size) {
            if (!proof.isEmpty()) {
                throw new ProofException("a consistency proof between trees of the same size is empty");
            }
            if (!Arrays.equals(oldRoot, root)) {
                throw new ProofException("two trees of " + size + " leaves with different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof is empty");
        }
        for (byte[] p : proof) {
            requireHash(p);
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = oldSize - 1;
        long sn = size - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is longer than the trees are deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof is shorter than the trees are deep");
        }
        if (!Arrays.equals(fr, oldRoot)) {
            throw new ProofException("the consistency proof does not lead to the old root");
        }
        if (!Arrays.equals(sr, root)) {
            throw new ProofException("the consistency proof does not lead to the new root");
        }
    }

    private static void requireHash(byte[] hash) throws ProofException {
        if (hash == null || hash.length != MerkleHash.SIZE) {
            throw new ProofException("a proof hash has " + MerkleHash.SIZE + " bytes");
        }
    }
}
