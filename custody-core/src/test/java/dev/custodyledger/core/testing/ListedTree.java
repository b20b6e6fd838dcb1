package dev.custodyledger.core.testing;

import dev.custodyledger.core.tlog.SubtreeHashes;
import dev.custodyledger.core.tlog.TileHashes;
import java.util.List;

/** A tree's subtree hashes straight from a list of leaf hashes: the reference the tile-backed tree is held to. */
public final class ListedTree {
    private ListedTree() {}

    public static SubtreeHashes over(List<byte[]> leafHashes) {
        return (height, index) -> {
            long from = index << height;
            byte[][] hashes = leafHashes
                    .subList((int) from, (int) (from + (1L << height)))
                    .toArray(byte[][]::new);
            return TileHashes.perfect(hashes, 0, hashes.length);
        };
    }
}
