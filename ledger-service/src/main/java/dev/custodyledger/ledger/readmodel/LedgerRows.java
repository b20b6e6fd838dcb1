package dev.custodyledger.ledger.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.LotKey;
import dev.custodyledger.core.fold.LotState;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.fold.Folded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps folded records and the fold's state after them to projection rows. Runs on the folding thread. */
public final class LedgerRows {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            state.parties().forEach(p -> parties.put(p.id().value(), party(p)));
            state.keys().forEach(k -> keys.put(k.keyId().value(), key(k)));
        }
        for (Folded f : folded) {
            Outcome o = f.outcome();
            records.add(record(f));
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
                history.add(history(code, o.seq(), false));
                units.put(code, unit(state.unit(code)));
                named.forEach(p -> involvement.putIfAbsent(code.path() + " " + p, UnitPartyRow.of(code.path(), p)));
            }
            for (UnitCode code : o.carried()) {
                history.add(history(code, o.seq(), true));
                units.put(code, unit(state.unit(code)));
                named.forEach(p -> involvement.putIfAbsent(code.path() + " " + p, UnitPartyRow.of(code.path(), p)));
            }
            switch (event) {
                case PartyRegistered e ->
                    parties.put(
                            e.party().id().value(), party(state.party(e.party().id())));
                case PartySuspended e -> parties.put(e.party().value(), party(state.party(e.party())));
                case KeyAdded e ->
                    keys.put(
                            e.publicKey().keyId().value(),
                            key(state.key(e.publicKey().keyId())));
                case KeyRevoked e -> keys.put(e.revokedKey().value(), key(state.key(e.revokedKey())));
                case Commission e -> {
                    for (ItemCode item : e.units()) {
                        LotState lot = state.lot(new LotKey(item.gtin(), e.lot()));
                        lots.put(lot.key().toString(), lot(lot));
                    }
                }
                case Recall e
                when e.byLot() -> {
                    // Its units are the outcome's, above: every unit of the lot shows the recall.
                    LotState lot = state.lot(new LotKey(e.gtin(), e.lot()));
                    lots.put(lot.key().toString(), lot(lot));
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

    static LedgerRecordRow record(Folded f) {
        Outcome o = f.outcome();
        var row = new LedgerRecordRow();
        row.seq = o.seq();
        row.kafkaOffset = o.offset();
        row.recordTime = o.recordTime();
        row.eventId = o.eventId() == null ? null : o.eventId().toString();
        row.type = o.type() == null ? null : o.type().name();
        row.actor = o.actor() == null ? null : o.actor().value();
        row.outcome = o.accepted() ? "ACCEPTED" : "REJECTED";
        row.code = o.code() == null ? null : o.code().name();
        row.message = o.message();
        row.envelope = f.record().event() != null ? new String(f.value(), StandardCharsets.UTF_8) : null;
        return row;
    }

    static UnitRow unit(UnitState u) {
        var row = new UnitRow();
        row.code = u.code().path();
        row.kind = u.isContainer() ? "CONTAINER" : "ITEM";
        row.gtin = u.item() == null ? null : u.item().gtin().value();
        row.lot = u.lot() == null ? null : u.lot().key().lot().value();
        row.expiry = u.expiry();
        row.product = u.product() == null ? null : json(u.product().attributes());
        row.custodian = u.custodian().value();
        row.pendingTo = u.pendingTo() == null ? null : u.pendingTo().value();
        row.parent = u.parent() == null ? null : u.parent().path();
        row.status = u.status().name();
        row.recalled = u.recalled();
        row.recallReason = u.recallReason();
        row.createdSeq = u.createdSeq();
        row.lastSeq = u.lastSeq();
        return row;
    }

    static UnitHistoryRow history(UnitCode code, long seq, boolean viaContainer) {
        var row = new UnitHistoryRow();
        row.unitCode = code.path();
        row.seq = seq;
        row.viaContainer = viaContainer;
        return row;
    }

    static PartyRow party(PartyState p) {
        var row = new PartyRow();
        row.id = p.id().value();
        row.name = p.profile().name();
        row.roles = p.profile().roles().stream().map(Role::wire).collect(Collectors.joining(","));
        row.companyPrefixes =
                p.profile().companyPrefixes().stream().map(Object::toString).collect(Collectors.joining(","));
        row.gln = p.profile().gln() == null ? null : p.profile().gln().value();
        row.city =
                p.profile().location() == null ? null : p.profile().location().city();
        row.country =
                p.profile().location() == null ? null : p.profile().location().country();
        row.registeredSeq = p.registeredSeq();
        row.suspendedSeq = p.suspendedSeq();
        row.suspensionReason = p.suspensionReason();
        return row;
    }

    static PartyKeyRow key(KeyState k) {
        var row = new PartyKeyRow();
        row.keyId = k.keyId().value();
        row.partyId = k.party().value();
        row.publicKey = k.publicKey().base64Url();
        row.purpose = k.purpose().wire();
        row.addedSeq = k.addedSeq();
        row.revokedSeq = k.revokedSeq();
        row.revocationReason = k.revocationReason();
        return row;
    }

    static LotRow lot(LotState lot) {
        var row = new LotRow();
        row.id = lot.key().toString();
        row.gtin = lot.key().gtin().value();
        row.lot = lot.key().lot().value();
        row.units = lot.units();
        row.recalledSeq = lot.recalledSeq();
        row.recallReason = lot.recallReason();
        return row;
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
