package dev.custodyledger.ledger.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one batch of folded records changes, and the position they bring the projection to. Written in
 * one transaction only if the stored position is still {@code previousSeq}.
 */
public record ProjectionBatch(
        long previousSeq,
        long seq,
        long offset,
        Instant recordTime,
        List<LedgerRecordRow> records,
        List<UnitRow> units,
        List<UnitHistoryRow> history,
        List<PartyRow> parties,
        List<PartyKeyRow> keys,
        List<LotRow> lots,
        List<UnitPartyRow> involvement,
        FoldSnapshotRow snapshot) {

    /** Consecutive batches as one: rows in order, each unit, party, key or lot once in its latest state. */
    public static ProjectionBatch merge(List<ProjectionBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        ProjectionBatch first = batches.get(0);
        ProjectionBatch last = batches.get(batches.size() - 1);
        List<LedgerRecordRow> records = new ArrayList<>();
        List<UnitHistoryRow> history = new ArrayList<>();
        Map<String, UnitRow> units = new LinkedHashMap<>();
        Map<String, PartyRow> parties = new LinkedHashMap<>();
        Map<String, PartyKeyRow> keys = new LinkedHashMap<>();
        Map<String, LotRow> lots = new LinkedHashMap<>();
        Map<String, UnitPartyRow> involvement = new LinkedHashMap<>();
        FoldSnapshotRow snapshot = null;
        for (ProjectionBatch b : batches) {
            records.addAll(b.records());
            history.addAll(b.history());
            b.units().forEach(u -> units.put(u.code, u));
            b.parties().forEach(p -> parties.put(p.id, p));
            b.keys().forEach(k -> keys.put(k.keyId, k));
            b.lots().forEach(l -> lots.put(l.id, l));
            b.involvement().forEach(i -> involvement.putIfAbsent(i.unitCode + " " + i.partyId, i));
            snapshot = b.snapshot() != null ? b.snapshot() : snapshot;
        }
        return new ProjectionBatch(
                first.previousSeq(),
                last.seq(),
                last.offset(),
                last.recordTime(),
                records,
                List.copyOf(units.values()),
                history,
                List.copyOf(parties.values()),
                List.copyOf(keys.values()),
                List.copyOf(lots.values()),
                List.copyOf(involvement.values()),
                snapshot);
    }
}
