package dev.custodyledger.ledger.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows a run of folded records changes; the engine writes them with their position. */
public record LedgerRowSet(
        List<LedgerRecordRow> records,
        List<UnitRow> units,
        List<UnitHistoryRow> history,
        List<PartyRow> parties,
        List<PartyKeyRow> keys,
        List<LotRow> lots,
        List<UnitPartyRow> involvement) {

    /** Consecutive batches as one: rows in order, each unit, party, key or lot once in its latest state. */
    public static LedgerRowSet merge(List<LedgerRowSet> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<LedgerRecordRow> records = new ArrayList<>();
        List<UnitHistoryRow> history = new ArrayList<>();
        Map<String, UnitRow> units = new LinkedHashMap<>();
        Map<String, PartyRow> parties = new LinkedHashMap<>();
        Map<String, PartyKeyRow> keys = new LinkedHashMap<>();
        Map<String, LotRow> lots = new LinkedHashMap<>();
        Map<String, UnitPartyRow> involvement = new LinkedHashMap<>();
        for (LedgerRowSet b : batches) {
            records.addAll(b.records());
            history.addAll(b.history());
            b.units().forEach(u -> units.put(u.code(), u));
            b.parties().forEach(p -> parties.put(p.id(), p));
            b.keys().forEach(k -> keys.put(k.keyId(), k));
            b.lots().forEach(l -> lots.put(l.id(), l));
            b.involvement().forEach(i -> involvement.putIfAbsent(i.unitCode() + " " + i.partyId(), i));
        }
        return new LedgerRowSet(
                records,
                List.copyOf(units.values()),
                history,
                List.copyOf(parties.values()),
                List.copyOf(keys.values()),
                List.copyOf(lots.values()),
                List.copyOf(involvement.values()));
    }
}
