package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.ledger.tlog.TileRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows a run of folded records changes; the engine writes them with their position. */
public record LedgerRowSet(
        List<LedgerRecordRow> records,
        List<UnitRow> units,
        List<UnitHistoryRow> history,
        List<PartyRow> parties,
        List<PartyKeyRow> keys,
        List<LotRow> lots,
        List<UnitPartyRow> involvement,
        List<TileRow> tiles) {

    /** These rows with the transparency log's tiles that the same records change. */
    public LedgerRowSet withTiles(List<TileRow> changed) {
        return new LedgerRowSet(records, units, history, parties, keys, lots, involvement, changed);
    }

    /** Consecutive batches as one: rows in order, each unit, party, key, lot or tile once in its latest state. */
    public static LedgerRowSet merge(List<LedgerRowSet> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        var merged = new Builder();
        for (LedgerRowSet b : batches) {
            b.records().forEach(merged::record);
            b.history().forEach(merged::history);
            b.units().forEach(merged::unit);
            b.parties().forEach(merged::party);
            b.keys().forEach(merged::key);
            b.lots().forEach(merged::lot);
            b.involvement().forEach(merged::involvement);
            b.tiles().forEach(merged::tile);
        }
        return merged.build();
    }

    /** Rows in order; each unit, party, key or lot once in its latest row; each involvement once. */
    static final class Builder {
        private final List<LedgerRecordRow> records = new ArrayList<>();
        private final List<UnitHistoryRow> history = new ArrayList<>();
        private final Map<String, UnitRow> units = new LinkedHashMap<>();
        private final Map<String, PartyRow> parties = new LinkedHashMap<>();
        private final Map<String, PartyKeyRow> keys = new LinkedHashMap<>();
        private final Map<String, LotRow> lots = new LinkedHashMap<>();
        private final Set<UnitPartyRow> involvement = new LinkedHashSet<>();
        private final Map<String, TileRow> tiles = new LinkedHashMap<>();

        void record(LedgerRecordRow row) {
            records.add(row);
        }

        void history(UnitHistoryRow row) {
            history.add(row);
        }

        void unit(UnitRow row) {
            units.put(row.code(), row);
        }

        void party(PartyRow row) {
            parties.put(row.id(), row);
        }

        void key(PartyKeyRow row) {
            keys.put(row.keyId(), row);
        }

        void lot(LotRow row) {
            lots.put(row.id(), row);
        }

        void involvement(UnitPartyRow row) {
            involvement.add(row);
        }

        void tile(TileRow row) {
            tiles.put(row.tile(), row);
        }

        LedgerRowSet build() {
            return new LedgerRowSet(
                    records,
                    List.copyOf(units.values()),
                    history,
                    List.copyOf(parties.values()),
                    List.copyOf(keys.values()),
                    List.copyOf(lots.values()),
                    List.copyOf(involvement),
                    List.copyOf(tiles.values()));
        }
    }
}
