package dev.custodyledger.core.tlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends entries to the tree and says which tiles and entry bundles changed: the right edge is kept as the partial
 * tile of each level (at most 255 hashes each) and the partial bundle of entries; a tile that fills is handed out
 * once, full, and its root moves up a level. Knows only the right edge, so it answers the root of its own size;
 * proofs need the full tiles, where they are kept. Not thread-safe: one appender.
 */
public final class TreeBuilder {
    private final List<byte[][]> edge = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final Map<Tile, byte[]> changed = new LinkedHashMap<>();
    private final List<byte[]> bundle = new ArrayList<>();
    private long size;

    private TreeBuilder(long size) {
        this.size = size;
    }

    public static TreeBuilder empty() {
        return new TreeBuilder(0);
    }

    /**
     * The builder of a tree of {@code size} leaves whose partial tiles, and partial entry bundle (level {@link
     * Tile#ENTRIES}), {@code tiles} holds.
     */
    public static TreeBuilder resume(long size, TileHashes.Source tiles) {
        var builder = new TreeBuilder(size);
        Tile partialBundle = Tile.partial(Tile.ENTRIES, size);
        if (partialBundle != null) {
            byte[] bytes = tiles.tile(Tile.ENTRIES, partialBundle.index(), partialBundle.width());
            List<byte[]> entries = bytes == null ? List.of() : EntryBundle.split(bytes);
            if (entries.size() < partialBundle.width()) {
                throw new IllegalStateException("the store lacks " + partialBundle.path() + " of a tree of " + size);
            }
            builder.bundle.addAll(entries.subList(0, partialBundle.width()));
        }
        for (int level = 0; size >>> (Tile.HEIGHT * level) > 0; level++) {
            Tile partial = Tile.partial(level, size);
            builder.level(level);
            if (partial != null) {
                byte[] hashes = tiles.tile(level, partial.index(), partial.width());
                if (hashes == null || hashes.length < partial.width() * MerkleHash.SIZE) {
                    throw new IllegalStateException("the store lacks " + partial.path() + " of a tree of " + size);
                }
                for (int i = 0; i < partial.width(); i++) {
                    builder.edge.get(level)[i] =
                            java.util.Arrays.copyOfRange(hashes, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE);
                }
                builder.widths.set(level, partial.width());
            }
        }
        return builder;
    }

    public long size() {
        return size;
    }

    /** Appends one entry (at most 65,535 bytes, as an entry bundle holds it). */
    public void append(byte[] entry) {
        bundle.add(EntryBundle.requireEntry(entry).clone());
        long bundleIndex = size / Tile.WIDTH;
        if (bundle.size() == Tile.WIDTH) {
            changed.put(new Tile(Tile.ENTRIES, bundleIndex, Tile.WIDTH), EntryBundle.join(bundle));
            bundle.clear();
        } else {
            changed.put(new Tile(Tile.ENTRIES, bundleIndex, Tile.WIDTH - 1), null);
        }
        byte[] hash = MerkleHash.leaf(entry);
        for (int level = 0; ; level++) {
            level(level);
            int width = widths.get(level);
            edge.get(level)[width] = hash;
            width++;
            long index = (size >>> (Tile.HEIGHT * (level + 1)));
            if (width < Tile.WIDTH) {
                widths.set(level, width);
                changed.put(new Tile(level, index, Tile.WIDTH - 1), null); // marks the level; written out below
                break;
            }
            byte[][] full = edge.get(level);
            changed.put(new Tile(level, index, Tile.WIDTH), concat(full, Tile.WIDTH));
            hash = TileHashes.perfect(full, 0, Tile.WIDTH);
            edge.set(level, new byte[Tile.WIDTH][]);
            widths.set(level, 0);
        }
        size++;
    }

    /** The root of the tree of {@link #size} leaves. */
    public byte[] root() {
        return MerkleTree.root(size, new TileHashes(this::edgeTile));
    }

    /**
     * The tiles changed since the last call, each once in its latest form (full tiles as they filled, the right
     * edge's partial tiles as they stand), in the order they changed.
     */
    public Map<Tile, byte[]> drainChanged() {
        Map<Tile, byte[]> out = new LinkedHashMap<>();
        for (var e : changed.entrySet()) {
            Tile tile = e.getKey();
            if (e.getValue() != null) {
                out.put(tile, e.getValue());
            } else {
                Tile partial = Tile.partial(tile.level(), size);
                if (partial != null && partial.index() == tile.index()) {
                    out.put(
                            partial,
                            tile.entries()
                                    ? EntryBundle.join(bundle)
                                    : concat(edge.get(tile.level()), partial.width()));
                }
            }
        }
        changed.clear();
        return out;
    }

    private byte[] edgeTile(int level, long index, int width) {
        Tile partial = Tile.partial(level, size);
        if (partial == null || partial.index() != index || partial.width() < width) {
            return null;
        }
        return concat(edge.get(level), partial.width());
    }

    private void level(int level) {
        while (edge.size() <= level) {
            edge.add(new byte[Tile.WIDTH][]);
            widths.add(0);
        }
    }

    private static byte[] concat(byte[][] hashes, int count) {
        byte[] out = new byte[count * MerkleHash.SIZE];
        for (int i = 0; i < count; i++) {
            System.arraycopy(hashes[i], 0, out, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return out;
    }
}
