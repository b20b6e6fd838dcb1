package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation of the fold's changes: every entry the records since the last generation changed, in its latest
 * form, the lot members they added and the position after the last of them. Lifecycle: <em>open</em> (the fold
 * adds to it) → <em>sealed</em> (read-only, waiting until the read model has passed its position) →
 * <em>committed</em> ({@link StateStore#apply}, then dropped).
 */
public final class ChangeSet {
    /** A unit commissioned into a lot. */
    public record Member(LotKey lot, UnitCode unit) {}

    private final Map<UnitCode, UnitState> units = new HashMap<>();
    private final Map<LotKey, LotState> lots = new HashMap<>();
    private final Map<PartyId, PartyState> parties = new LinkedHashMap<>();
    private final Map<KeyId, KeyState> keys = new LinkedHashMap<>();
    private final Map<EventId, Decision> decisions = new HashMap<>();
    private final List<Member> members = new ArrayList<>();
    private FoldPosition position;

    ChangeSet() {}

    public Map<UnitCode, UnitState> units() {
        return Collections.unmodifiableMap(units);
    }

    public Map<LotKey, LotState> lots() {
        return Collections.unmodifiableMap(lots);
    }

    public Map<PartyId, PartyState> parties() {
        return Collections.unmodifiableMap(parties);
    }

    public Map<KeyId, KeyState> keys() {
        return Collections.unmodifiableMap(keys);
    }

    public Map<EventId, Decision> decisions() {
        return Collections.unmodifiableMap(decisions);
    }

    public List<Member> members() {
        return Collections.unmodifiableList(members);
    }

    /** The position after the generation's last record. */
    public FoldPosition position() {
        return position;
    }

    /** Entries it holds: what it costs in memory, roughly. */
    public int size() {
        return units.size() + lots.size() + parties.size() + keys.size() + decisions.size() + members.size();
    }

    // ---- the fold's, while the generation is open

    UnitState unit(UnitCode code) {
        return units.get(code);
    }

    LotState lot(LotKey key) {
        return lots.get(key);
    }

    Decision decision(EventId id) {
        return decisions.get(id);
    }

    void put(UnitState unit) {
        units.put(unit.code(), unit);
    }

    void put(LotState lot) {
        lots.put(lot.key(), lot);
    }

    void put(PartyState party) {
        parties.put(party.id(), party);
    }

    void put(KeyState key) {
        keys.put(key.keyId(), key);
    }

    void put(EventId id, Decision decision) {
        decisions.put(id, decision);
    }

    void add(Member member) {
        members.add(member);
    }

    void position(FoldPosition position) {
        this.position = position;
    }
}
