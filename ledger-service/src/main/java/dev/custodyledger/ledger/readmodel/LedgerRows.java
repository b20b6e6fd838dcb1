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
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.fold.Folded;
import java.util.List;

/** Maps folded records and the fold's state after them to read-model rows. Runs on the folding thread. */
public final class LedgerRows {

    private LedgerRows() {}

    public static LedgerRowSet build(List<Folded> folded, CustodyState state, long previousSeq) {
        var rows = new LedgerRowSet.Builder();
        if (previousSeq == 0) {
            state.parties().forEach(p -> rows.party(PartyRow.of(p)));
            state.keys().forEach(k -> rows.key(PartyKeyRow.of(k)));
        }
        for (Folded f : folded) {
            Outcome o = f.outcome();
            rows.record(LedgerRecordRow.of(f));
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
            o.units().forEach(code -> touched(rows, state.unit(code), o.seq(), false, named));
            o.carried().forEach(code -> touched(rows, state.unit(code), o.seq(), true, named));
            switch (event) {
                case PartyRegistered e ->
                    rows.party(PartyRow.of(state.party(e.party().id())));
                case PartySuspended e -> rows.party(PartyRow.of(state.party(e.party())));
                case KeyAdded e ->
                    rows.key(PartyKeyRow.of(state.key(e.publicKey().keyId())));
                case KeyRevoked e -> rows.key(PartyKeyRow.of(state.key(e.revokedKey())));
                case Commission e ->
                    e.units().stream()
                            .map(item -> new LotKey(item.gtin(), e.lot()))
                            .distinct()
                            .forEach(lot -> rows.lot(LotRow.of(state.lot(lot))));
                // Its units are the outcome's, above: every unit of the lot shows the recall.
                case Recall e when e.byLot() -> rows.lot(LotRow.of(state.lot(new LotKey(e.gtin(), e.lot()))));
                case Recall _, Pack _, Unpack _, Handoff _, Receive _, Refuse _, Sell _, Report _ -> {
                    // the units' rows above are all these change
                }
            }
        }
        return rows.build();
    }

    /** A unit the record touched: a history entry, its current row, and the parties now involved with it. */
    private static void touched(
            LedgerRowSet.Builder rows, UnitState unit, long seq, boolean viaContainer, List<String> named) {
        rows.history(UnitHistoryRow.of(unit.code(), seq, viaContainer));
        rows.unit(UnitRow.of(unit));
        named.forEach(party -> rows.involvement(new UnitPartyRow(unit.code().path(), party)));
    }
}
