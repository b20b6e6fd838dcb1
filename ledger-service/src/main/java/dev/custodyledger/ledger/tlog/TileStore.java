package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.EntryBundle;
import dev.custodyledger.core.tlog.MerkleHash;
import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.fold.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/** Reads tiles and entry bundles from the read model, as wide as asked or not at all. */
@ApplicationScoped
public class TileStore {
    private static final String SELECT = "select width, hashes from tlog_tile where tile = $1";

    @Inject
    Pool pool;

    /**
     * The first {@code width} hashes of a tile (entries of a bundle, as a bundle), or null when the tree does not
     * hold that many yet. A full tile is only ever asked for as full.
     */
    public Uni<byte[]> tile(int level, long index, int width) {
        return pool.preparedQuery(SELECT)
                .execute(Tuple.of(TileRow.key(level, index)))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? prefix(it.next(), level, width) : null;
                });
    }

    /** As {@link #tile}, waiting: for the folding thread and the checkpoint signer, never the event loop. */
    public byte[] blocking(int level, long index, int width) {
        return Blocking.await(() -> tile(level, index, width));
    }

    /** Every hash a tile of the tree holds now (not an entry bundle), or null when it holds none. */
    public Uni<byte[]> whole(int level, long index) {
        return pool.preparedQuery(SELECT)
                .execute(Tuple.of(TileRow.key(level, index)))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? it.next().getBuffer("hashes").getBytes() : null;
                });
    }

    /** As {@link #whole}, waiting: never on the event loop. */
    public byte[] wholeBlocking(int level, long index) {
        return Blocking.await(() -> whole(level, index));
    }

    private static byte[] prefix(Row row, int level, int width) {
        long stored = row.getLong("width");
        if (stored < width) {
            return null;
        }
        byte[] bytes = row.getBuffer("hashes").getBytes();
        if (level == Tile.ENTRIES) {
            List<byte[]> entries = EntryBundle.split(bytes);
            return EntryBundle.join(entries.subList(0, width));
        }
        return Arrays.copyOf(bytes, width * MerkleHash.SIZE);
    }
}
