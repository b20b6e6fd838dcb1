package dev.custodyledger.core.tlog;

import java.util.Arrays;

/**
 * Subtree hashes read from tiles: a perfect subtree whose height is a multiple of 8 is one hash of a tile; any
 * other is the perfect subtree over 2, 4 … 128 consecutive hashes of one tile, hashed here.
 */
public final class TileHashes implements SubtreeHashes {
    /** The hashes a tile holds (32 bytes each, at least {@code width} of them), or null when it has fewer. */
    @FunctionalInterface
    public interface Source {
        byte[] tile(int level, long index, int width);
    }

    private final Source source;

    public TileHashes(Source source) {
        this.source = source;
    }

    @Override
    public byte[] subtree(int height, long index) {
        int level = height / Tile.HEIGHT;
        int within = height % Tile.HEIGHT;
        long first = index << within;
        int count = 1 << within;
        long tileIndex = first / Tile.WIDTH;
        int from = (int) (first % Tile.WIDTH);
        byte[] tile = source.tile(level, tileIndex, from + count);
        if (tile == null || tile.length < (from + count) * MerkleHash.SIZE) {
            throw new IllegalStateException(
                    "tile " + level + "/" + tileIndex + " does not hold hash " + (from + count - 1));
        }
        byte[][] hashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (from + i) * MerkleHash.SIZE;
            hashes[i] = Arrays.copyOfRange(tile, at, at + MerkleHash.SIZE);
        }
        return perfect(hashes, 0, count);
    }

    /** The root of the perfect tree over {@code hashes[from, from + count)}, count a power of two. */
    public static byte[] perfect(byte[][] hashes, int from, int count) {
        if (count == 1) {
            return hashes[from];
        }
        int half = count / 2;
        return MerkleHash.node(perfect(hashes, from, half), perfect(hashes, from + half, half));
    }
}
