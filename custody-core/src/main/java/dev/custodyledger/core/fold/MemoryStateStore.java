package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state in the heap: for tests, benchmarks and small logs. Hands out copies, as a store on disk hands out
 * what it decodes, so that the fold's changes reach it only through {@link #apply}. Not thread-safe on its own:
 * its callers apply under the same lock readers read under.
 */
public final class MemoryStateStore implements StateStore {
    private final Map<UnitCode, UnitState> units = new HashMap<>();
    private final Map<LotKey, LotState> lots = new HashMap<>();
    private final Map<LotKey, List<UnitCode>> members = new HashMap<>();
    private final Map<PartyId, PartyState> parties = new LinkedHashMap<>();
    private final Map<KeyId, KeyState> keys = new LinkedHashMap<>();
    private final Map<EventId, Decision> decisions = new HashMap<>();
    private FoldPosition position;

    @Override
    public FoldPosition position() {
        return position;
    }

    @Override
    public UnitState unit(UnitCode code) {
        UnitState unit = units.get(code);
        return unit == null ? null : unit.copy();
    }

    @Override
    public LotState lot(LotKey key) {
        return lots.get(key);
    }

    @Override
    public List<UnitCode> unitsOf(LotKey lot) {
        return List.copyOf(members.getOrDefault(lot, List.of()));
    }

    @Override
    public Decision decision(EventId id) {
        return decisions.get(id);
    }

    @Override
    public PartyState party(PartyId id) {
        return parties.get(id);
    }

    @Override
    public KeyState key(KeyId id) {
        return keys.get(id);
    }

    @Override
    public Collection<PartyState> parties() {
        return List.copyOf(parties.values());
    }

    @Override
    public Collection<KeyState> keys() {
        return List.copyOf(keys.values());
    }

    @Override
    public void apply(ChangeSet changes) {
        changes.units().values().forEach(u -> units.put(u.code(), u.copy()));
        lots.putAll(changes.lots());
        parties.putAll(changes.parties());
        keys.putAll(changes.keys());
        decisions.putAll(changes.decisions());
        for (ChangeSet.Member m : changes.members()) {
            members.computeIfAbsent(m.lot(), k -> new ArrayList<>()).add(m.unit());
        }
        position = changes.position();
    }

    @Override
    public void close() {}
}
