package dev.custodyledger.core.tlog;

/**
 * Where proofs and roots get their hashes from: the hash of a perfect subtree, the {@code index}-th of height
 * {@code height} (covering leaves {@code [index << height, (index + 1) << height)}), which the tree must already
 * hold in full. Tiles answer it, and so does a list of leaf hashes in tests.
 */
@FunctionalInterface
public interface SubtreeHashes {
    byte[] subtree(int height, long index);
}
