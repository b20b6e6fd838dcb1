package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.testing.ListedTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The tiles a builder hands out are the tree: proofs and roots read from them equal those of the whole list of
 * leaves, and a builder resumed from them at any size goes on exactly as one that never stopped.
 */
class TreeBuilderProperties {
    @Property(tries = 40)
    void tilesGiveTheRootsAndProofsOfTheWholeTree(
            @ForAll @IntRange(min = 1, max = 70_000) int size, @ForAll @IntRange(min = 1, max = 600) int chunk) {
        List<byte[]> leaves = new ArrayList<>();
        Map<String, byte[]> store = new HashMap<>();
        var builder = TreeBuilder.empty();
        for (int i = 0; i < size; i++) {
            builder.append(entry(i));
            leaves.add(MerkleHash.leaf(entry(i)));
            if ((i + 1) % chunk == 0 || i == size - 1) {
                keep(store, builder.drainChanged());
            }
        }
        SubtreeHashes whole = ListedTree.over(leaves);
        var tiles = new TileHashes(source(store));
        assertThat(builder.root()).isEqualTo(MerkleTree.root(size, whole));
        assertThat(MerkleTree.root(size, tiles)).isEqualTo(builder.root());
        for (long index : new long[] {0, size / 3, size - 1}) {
            assertThat(MerkleTree.inclusionProof(index, size, tiles))
                    .zipSatisfy(
                            MerkleTree.inclusionProof(index, size, whole),
                            (a, b) -> assertThat(a).isEqualTo(b));
        }
        long old = Math.max(1, size / 2);
        assertThat(MerkleTree.consistencyProof(old, size, tiles))
                .zipSatisfy(
                        MerkleTree.consistencyProof(old, size, whole),
                        (a, b) -> assertThat(a).isEqualTo(b));
        var bundle = EntryBundle.split(store.get(key(Tile.ENTRIES, (size - 1) / Tile.WIDTH)));
        assertThat(bundle.get((size - 1) % Tile.WIDTH)).isEqualTo(entry(size - 1));
    }

    @Property(tries = 40)
    void aBuilderResumedFromItsTilesGoesOnAsOneThatNeverStopped(
            @ForAll @IntRange(min = 0, max = 20_000) int stopAt, @ForAll @IntRange(min = 1, max = 5_000) int more) {
        Map<String, byte[]> store = new HashMap<>();
        var first = TreeBuilder.empty();
        var unbroken = TreeBuilder.empty();
        for (int i = 0; i < stopAt; i++) {
            first.append(entry(i));
            unbroken.append(entry(i));
        }
        keep(store, first.drainChanged());
        unbroken.drainChanged();
        var resumed = TreeBuilder.resume(stopAt, source(store));
        for (int i = stopAt; i < stopAt + more; i++) {
            resumed.append(entry(i));
            unbroken.append(entry(i));
        }
        assertThat(resumed.root()).isEqualTo(unbroken.root());
        Map<Tile, byte[]> a = resumed.drainChanged();
        Map<Tile, byte[]> b = unbroken.drainChanged();
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((tile, bytes) -> assertThat(bytes).as(tile.path()).isEqualTo(b.get(tile)));
    }

    /** A store as the service keeps one: each tile once, at the widest it has been. */
    private static void keep(Map<String, byte[]> store, Map<Tile, byte[]> changed) {
        changed.forEach((tile, bytes) -> store.put(key(tile.level(), tile.index()), bytes));
    }

    private static TileHashes.Source source(Map<String, byte[]> store) {
        return (level, index, width) -> {
            byte[] bytes = store.get(key(level, index));
            return bytes == null ? null : Arrays.copyOf(bytes, bytes.length);
        };
    }

    private static String key(int level, long index) {
        return level + "/" + index;
    }

    private static byte[] entry(int i) {
        return ByteBuffer.allocate(12).putInt(i).putLong(i * 7919L).array();
    }
}
