package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.fold.MultiRowStatement;
import dev.custodyledger.fold.Table;
import java.util.List;
import java.util.Map;

/**
 * A tile of the tree, or an entry bundle (level -1), at the widest it has been: a partial tile grows in place until
 * it is full, and what it held never changes, so any narrower partial tile is a prefix of it.
 */
public record TileRow(String tile, long level, long idx, long width, byte[] hashes) {
    public static final Table<TileRow> TABLE = new Table<>("tlog_tile", TileRow.class);

    /** Keeps the wider of two versions: a writer that fell behind never narrows a tile. */
    public static final MultiRowStatement<TileRow> UPSERT = TABLE.upsert(
            row -> row,
            List.of(),
            Map.of(
                    "width",
                    "greatest(tlog_tile.width, excluded.width)",
                    "hashes",
                    "case when excluded.width >= tlog_tile.width then excluded.hashes else tlog_tile.hashes end"));

    public static TileRow of(Tile tile, byte[] bytes) {
        return new TileRow(key(tile.level(), tile.index()), tile.level(), tile.index(), tile.width(), bytes);
    }

    static String key(int level, long index) {
        return level + "/" + index;
    }
}
