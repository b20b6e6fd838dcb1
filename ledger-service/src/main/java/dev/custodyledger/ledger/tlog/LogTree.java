package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.LogLeaf;
import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.core.tlog.TreeBuilder;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.ledger.config.LedgerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transparency log's tree over every record of the ledger, grown on the folding thread as the read model's
 * rows are built, so its tiles are written in the same fenced transaction as the position: whichever replica holds
 * the lease grows it, a take-over resumes from the tiles the read model holds, and a rebuild grows it again from
 * the first record. Leaf {@code seq - 1} is {@link LogLeaf} of record {@code seq}.
 */
@ApplicationScoped
public class LogTree {
    @Inject
    TileStore tiles;

    @Inject
    LedgerConfig config;

    /** Folding thread only. */
    private TreeBuilder builder;

    /** The tiles and entry bundles that the records after {@code previousSeq} change, each once, latest first. */
    public List<TileRow> rows(List<Folded> folded, long previousSeq) {
        if (!config.tlog().enabled()) {
            return List.of();
        }
        try {
            if (builder == null || builder.size() != previousSeq) {
                // A start, a take-over or a restore: the tree stands where the read model's position does.
                builder = TreeBuilder.resume(previousSeq, tiles::blocking);
            }
            for (Folded f : folded) {
                if (f.outcome().seq() != builder.size() + 1) {
                    throw new IllegalStateException("leaf " + f.outcome().seq() + " after a tree of " + builder.size());
                }
                builder.append(LogLeaf.of(f.outcome(), f.value()).encode());
            }
            List<TileRow> rows = new ArrayList<>();
            for (Map.Entry<Tile, byte[]> e : builder.drainChanged().entrySet()) {
                rows.add(TileRow.of(e.getKey(), e.getValue()));
            }
            return rows;
        } catch (RuntimeException e) {
            builder = null; // half-appended: resumed from the stored tiles next time
            throw e;
        }
    }
}
