package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.CustodyEvent.KeyRevoked;
import dev.custodyledger.core.event.CustodyEvent.Pack;
import dev.custodyledger.core.event.CustodyEvent.PartyRegistered;
import dev.custodyledger.core.event.CustodyEvent.PartySuspended;
import dev.custodyledger.core.event.CustodyEvent.Recall;
import dev.custodyledger.core.event.CustodyEvent.Receive;
import dev.custodyledger.core.event.CustodyEvent.Refuse;
import dev.custodyledger.core.event.CustodyEvent.RegistryEvent;
import dev.custodyledger.core.event.CustodyEvent.Report;
import dev.custodyledger.core.event.CustodyEvent.Sell;
import dev.custodyledger.core.event.CustodyEvent.Unpack;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LotKey;
import dev.custodyledger.core.fold.LotState;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.fold.Folded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps folded records and the fold's state after them to projection rows. Runs on the folding thread. */
public final class LedgerRows {

    private LedgerRows() {}

    public static LedgerRowSet build(List<Folded> folded, CustodyState state, long previousSeq) {
        List<LedgerRecordRow> records = new ArrayList<>(folded.size());
        Map<UnitCode, UnitRow> units = new LinkedHashMap<>();
        List<UnitHistoryRow> history = new ArrayList<>();
        Map<String, PartyRow> parties = new LinkedHashMap<>();
        Map<String, PartyKeyRow> keys = new LinkedHashMap<>();
        Map<String, LotRow> lots = new LinkedHashMap<>();
        Map<String, UnitPartyRow> involvement = new LinkedHashMap<>();
        if (previousSeq == 0) {
            state.parties().forEach(p -> parties.put(p.id().value(), PartyRow.of(p)));
            state.keys().forEach(k -> keys.put(k.keyId().value(), PartyKeyRow.of(k)));
        }
        for (Folded f : folded) {
            Outcome o = f.outcome();
            records.add(LedgerRecordRow.of(f));
            if (!o.accepted()) {
                continue;
            }
            CustodyEvent event = f.record().event().event();
            // A handoff involves its receiver too: the unit's history is theirs to read from then on.
            List<String> named = switch (event) {
                case Handoff h -> List.of(o.actor().value(), h.to().value());
                case RegistryEvent _, Commission _, Pack _, Unpack _, Receive _, Refuse _, Sell _, Recall _, Report _ ->
                    List.of(o.actor().value());
            };
            for (UnitCode code : o.units()) {
                history.add(UnitHistoryRow.of(code, o.seq(), false));
                units.put(code, UnitRow.of(state.unit(code)));
                named.forEach(p -> involvement.putIfAbsent(code.path() + " " + p, new UnitPartyRow(code.path(), p)));
            }
            for (UnitCode code : o.carried()) {
                history.add(UnitHistoryRow.of(code, o.seq(), true));
                units.put(code, UnitRow.of(state.unit(code)));
                named.forEach(p -> involvement.putIfAbsent(code.path() + " " + p, new UnitPartyRow(code.path(), p)));
            }
            switch (event) {
                case PartyRegistered e ->
                    parties.put(
                            e.party().id().value(),
                            PartyRow.of(state.party(e.party().id())));
                case PartySuspended e -> parties.put(e.party().value(), PartyRow.of(state.party(e.party())));
                case KeyAdded e ->
                    keys.put(
                            e.publicKey().keyId().value(),
                            PartyKeyRow.of(state.key(e.publicKey().keyId())));
                case KeyRevoked e -> keys.put(e.revokedKey().value(), PartyKeyRow.of(state.key(e.revokedKey())));
                case Commission e -> {
                    for (ItemCode item : e.units()) {
                        LotState lot = state.lot(new LotKey(item.gtin(), e.lot()));
                        lots.put(lot.key().toString(), LotRow.of(lot));
                    }
                }
                case Recall e
                when e.byLot() -> {
                    // Its units are the outcome's, above: every unit of the lot shows the recall.
                    LotState lot = state.lot(new LotKey(e.gtin(), e.lot()));
                    lots.put(lot.key().toString(), LotRow.of(lot));
                }
                case Recall _, Pack _, Unpack _, Handoff _, Receive _, Refuse _, Sell _, Report _ -> {
                    // the units' rows above are all these change
                }
            }
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
