package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.MerkleHash;
import dev.custodyledger.core.tlog.TileHashes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tiles of the tree as one computation (a root, a proof) reads them: each stored tile is read once, whole,
 * though a proof asks for parts of the same tile several times. For one computation only, so nothing it read
 * outlives a rebuild.
 */
final class CachedTiles implements TileHashes.Source {
    private static final byte[] ABSENT = new byte[0];
    private final TileStore store;
    private final Map<String, byte[]> read = new HashMap<>();

    private CachedTiles(TileStore store) {
        this.store = store;
    }

    static TileHashes over(TileStore store) {
        return new TileHashes(new CachedTiles(store));
    }

    @Override
    public byte[] tile(int level, long index, int width) {
        byte[] whole = read.computeIfAbsent(level + "/" + index, k -> {
            byte[] stored = store.wholeBlocking(level, index);
            return stored == null ? ABSENT : stored;
        });
        return whole.length < width * MerkleHash.SIZE ? null : Arrays.copyOf(whole, width * MerkleHash.SIZE);
    }
}
