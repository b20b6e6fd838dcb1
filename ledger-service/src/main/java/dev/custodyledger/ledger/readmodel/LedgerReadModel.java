package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.fold.MultiRowStatement;
import dev.custodyledger.fold.ReadModel;
import dev.custodyledger.ledger.tlog.LogTree;
import dev.custodyledger.ledger.tlog.TileRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The ledger's read model: every record, units, their history and involvement, parties, keys, lots and the
 * transparency log's tiles, written
 * on the reactive client inside the engine's fenced transaction, one array statement per table (ADR 12). Each
 * table is described once, by its row record; the queries read the records back with the same descriptions.
 */
@ApplicationScoped
public class LedgerReadModel implements ReadModel<LedgerRowSet> {
    private static final MultiRowStatement<LedgerRecordRow> RECORDS = LedgerRecordRow.TABLE.insert("");
    private static final MultiRowStatement<UnitHistoryRow> HISTORY = UnitHistoryRow.TABLE.insert("");
    private static final MultiRowStatement<UnitRow> UNITS = UnitRow.TABLE.upsert();
    /** An all-key row has nothing to update: insert-or-ignore. */
    private static final MultiRowStatement<UnitPartyRow> INVOLVEMENT =
            UnitPartyRow.TABLE.insert(" on conflict do nothing");

    private static final MultiRowStatement<PartyRow> PARTIES = PartyRow.TABLE.upsert();
    private static final MultiRowStatement<PartyKeyRow> KEYS = PartyKeyRow.TABLE.upsert();
    private static final MultiRowStatement<LotRow> LOTS = LotRow.TABLE.upsert();

    @Inject
    LogTree tree;

    @Override
    public LedgerRowSet rows(List<Folded> folded, CustodyState state, long previousSeq) {
        return LedgerRows.build(folded, state, previousSeq).withTiles(tree.rows(folded, previousSeq));
    }

    @Override
    public LedgerRowSet merge(List<LedgerRowSet> consecutive) {
        return LedgerRowSet.merge(consecutive);
    }

    @Override
    public Uni<Void> write(SqlConnection tx, LedgerRowSet b) {
        return RECORDS.execute(tx, b.records())
                .chain(() -> HISTORY.execute(tx, b.history()))
                .chain(() -> UNITS.execute(tx, b.units()))
                .chain(() -> PARTIES.execute(tx, b.parties()))
                .chain(() -> KEYS.execute(tx, b.keys()))
                .chain(() -> LOTS.execute(tx, b.lots()))
                .chain(() -> INVOLVEMENT.execute(tx, b.involvement()))
                .chain(() -> TileRow.UPSERT.execute(tx, b.tiles()));
    }

    @Override
    public List<String> tables() {
        return List.of(
                LedgerRecordRow.TABLE.name(),
                UnitRow.TABLE.name(),
                UnitHistoryRow.TABLE.name(),
                UnitPartyRow.TABLE.name(),
                PartyRow.TABLE.name(),
                PartyKeyRow.TABLE.name(),
                LotRow.TABLE.name(),
                TileRow.TABLE.name());
    }
}
