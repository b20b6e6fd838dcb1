package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the fold knows after some prefix of the log: a {@link StateStore} and the changes not yet committed
 * to it, in generations ({@link ChangeSet}): the open one the fold adds to, and sealed ones that wait until the
 * caller commits them. Reads see the newest form of every entry. The registry (parties and keys) is kept at hand
 * whole; units, lots and the event-id index are read from the generations, then the store.
 *
 * <p>Only {@link CustodyFold} changes it, and the caller moves its generations ({@link #seal}, {@link
 * #commitThrough}, {@link #discard}) under the same exclusion the fold runs under; reads may run on several
 * threads at once between changes.
 */
public final class CustodyState {
    private final StateStore store;
    private final TrustAnchor anchor;
    /** Sealed generations, oldest first. */
    private final Deque<ChangeSet> sealed = new ArrayDeque<>();

    private ChangeSet open = new ChangeSet();
    private FoldPosition position;
    private final Map<PartyId, PartyState> parties = new LinkedHashMap<>();
    private final Map<KeyId, KeyState> keys = new LinkedHashMap<>();

    /** Units the fold has read in the open generation, as objects of its own; the folding thread's alone. */
    private final Map<UnitCode, UnitState> working = new HashMap<>();
    /**
     * Committed units the fold read or wrote lately, as the store holds them, most recent last: custody moves
     * what moved lately, and a unit met again is copied from here instead of read and decoded from the store.
     * The folding thread's alone; never handed out, only copies of it.
     */
    private final Map<UnitCode, UnitState> recent = new LinkedHashMap<>(1 << 12, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UnitCode, UnitState> eldest) {
            return size() > RECENT_UNITS;
        }
    };

    static final int RECENT_UNITS = 50_000;

    /** What the record being folded changed, in the order it did, for the commitment; the folding thread's. */
    private Map<Object, Commitment.Entry> changedByRecord = new LinkedHashMap<>();

    private final Commitment commitment = new Commitment();
    private long unitsCreated;

    private CustodyState(StateStore store, TrustAnchor anchor) {
        this.store = store;
        this.anchor = anchor;
    }

    /**
     * The state {@code store} holds, for the ledger of {@code anchor}; an empty store is given the state before
     * the first record: the operator party and its trust-anchor key.
     *
     * @throws IllegalStateException when the store holds another ledger's state
     */
    public static CustodyState open(StateStore store, TrustAnchor anchor) {
        return open(store, anchor, FoldScope.LEDGER);
    }

    /**
     * As {@link #open(StateStore, TrustAnchor)}, for a fold of {@code scope}.
     *
     * @throws IllegalStateException also when a {@link FoldScope#REGISTRY} fold meets a store that holds units
     */
    public static CustodyState open(StateStore store, TrustAnchor anchor, FoldScope scope) {
        var state = new CustodyState(store, anchor);
        if (store.position() == null) {
            var profile =
                    new PartyProfile(anchor.operator(), anchor.name(), List.of(Role.OPERATOR), List.of(), null, null);
            var operator = new PartyState(profile, 0);
            var key = new KeyState(anchor.operator(), anchor.key(), KeyPurpose.OPERATOR, 0);
            var genesis = new ChangeSet();
            genesis.put(operator);
            genesis.put(key);
            genesis.position(FoldPosition.genesis(state.commitment.genesis(operator, key)));
            store.apply(genesis);
        }
        KeyState stored = store.key(anchor.key().keyId());
        if (stored == null
                || stored.purpose() != KeyPurpose.OPERATOR
                || !stored.party().equals(anchor.operator())) {
            throw new IllegalStateException("the stored state is not of the ledger whose trust anchor is "
                    + anchor.key().keyId() + " (" + anchor.operator() + "); empty the store's folder to fold this"
                    + " ledger from its first record");
        }
        if (scope == FoldScope.REGISTRY && store.position().units() > 0) {
            throw new IllegalStateException(
                    "the stored state holds " + store.position().units() + " units: it"
                            + " was folded for the whole ledger, not for the registry alone; empty the store's folder to"
                            + " fold the registry from the ledger's first record");
        }
        state.loadCommitted();
        return state;
    }

    /** A state in the heap at genesis: tests, benchmarks and small logs. */
    public static CustodyState genesis(TrustAnchor anchor) {
        return open(new MemoryStateStore(), anchor);
    }

    public TrustAnchor anchor() {
        return anchor;
    }

    // ---- reads

    public PartyState party(PartyId id) {
        return parties.get(id);
    }

    public KeyState key(KeyId id) {
        return keys.get(id);
    }

    /** The public key {@code id} names as registered, revoked or not; null when none is. */
    public dev.custodyledger.core.crypto.Ed25519PublicKey publicKey(KeyId id) {
        KeyState key = keys.get(id);
        return key == null ? null : key.publicKey();
    }

    /** The unit as it stands; null when it was never commissioned or packed. */
    public UnitState unit(UnitCode code) {
        UnitState pending = pendingUnit(code);
        if (pending != null) {
            return pending;
        }
        UnitState stored = store.unit(code);
        return stored == null ? null : stored.lotsFrom(this::lot);
    }

    public LotState lot(LotKey key) {
        LotState lot = open.lot(key);
        for (Iterator<ChangeSet> g = sealed.descendingIterator(); lot == null && g.hasNext(); ) {
            lot = g.next().lot(key);
        }
        return lot != null ? lot : store.lot(key);
    }

    /** Every unit commissioned into {@code lot}, in the order they were: what a lot's recall touches. */
    public List<UnitCode> unitsOf(LotKey lot) {
        List<UnitCode> units = new ArrayList<>(store.unitsOf(lot));
        for (ChangeSet g : sealed) {
            addMembers(g, lot, units);
        }
        addMembers(open, lot, units);
        return units;
    }

    public boolean contains(EventId id) {
        return decision(id) != null;
    }

    /** What the fold decided for {@code id}; null when no record of it has been folded. */
    public Decision decision(EventId id) {
        Decision d = open.decision(id);
        for (Iterator<ChangeSet> g = sealed.descendingIterator(); d == null && g.hasNext(); ) {
            d = g.next().decision(id);
        }
        return d != null ? d : store.decision(id);
    }

    /** The registered party whose company prefix covers {@code gtin}: the brand owner; null when none does. */
    public PartyState owner(Gtin gtin) {
        for (PartyState party : parties.values()) {
            if (party.owns(gtin)) {
                return party;
            }
        }
        return null;
    }

    /** Every party, in the order they were registered. */
    public Collection<PartyState> parties() {
        return Collections.unmodifiableCollection(parties.values());
    }

    public Collection<KeyState> keys() {
        return Collections.unmodifiableCollection(keys.values());
    }

    public long unitCount() {
        return position.units();
    }

    /** Where the fold stands, with the state commitment there. */
    public FoldPosition position() {
        return position;
    }

    /** The state commitment as heads show it, {@code sha256:<hex>}. */
    public String commitment() {
        return position.commitmentText();
    }

    /** The sequence number of the last folded record; 0 before the first. */
    public long lastSeq() {
        return position.seq();
    }

    /** The Kafka offset of the last folded record; -1 before the first. */
    public long lastOffset() {
        return position.offset();
    }

    public Instant lastRecordTime() {
        return position.recordTime();
    }

    public long acceptedCount() {
        return position.accepted();
    }

    public long rejectedCount() {
        return position.rejected();
    }

    // ---- generations

    /** Closes the open generation at the position it reached; a new one opens. Nothing happens without changes. */
    public void seal() {
        if (open.position() == null) {
            return;
        }
        sealed.addLast(open);
        open = new ChangeSet();
        // Objects of a sealed generation are never changed again: the next change works on a copy.
        working.clear();
    }

    /** Commits every sealed generation whose position is at or before {@code seq}, oldest first. */
    public void commitThrough(long seq) {
        while (!sealed.isEmpty() && sealed.peekFirst().position().seq() <= seq) {
            ChangeSet committed = sealed.peekFirst();
            store.apply(committed);
            sealed.removeFirst();
            // Objects of a sealed generation are never changed again: they are what the store now holds.
            recent.putAll(committed.units());
        }
    }

    /** Seals and commits everything folded: the auditor's and the tests' way. */
    public void commitAll() {
        seal();
        commitThrough(Long.MAX_VALUE);
    }

    /** Drops every change not yet committed: the state is the store's again, at its position. */
    public void discard() {
        sealed.clear();
        open = new ChangeSet();
        working.clear();
        recent.clear();
        changedByRecord.clear();
        loadCommitted();
    }

    /** Where the store stands: what survives a restart. */
    public FoldPosition committed() {
        return store.position();
    }

    /** Entries waiting in sealed and open generations: what the overlay holds in memory. */
    public long pendingEntries() {
        long n = open.size();
        for (ChangeSet g : sealed) {
            n += g.size();
        }
        return n;
    }

    // ---- the fold's changes, on its own thread

    /** The unit as an object the fold may change, then {@link #changed}; null when it does not exist. */
    UnitState load(UnitCode code) {
        UnitState unit = working.get(code);
        if (unit != null) {
            return unit;
        }
        unit = open.unit(code);
        if (unit == null) {
            UnitState older = sealedUnit(code);
            if (older == null) {
                older = recent.get(code);
            }
            if (older != null) {
                unit = older.copy();
            } else {
                unit = store.unit(code);
                if (unit == null) {
                    return null;
                }
                recent.put(code, unit.copy());
            }
            unit.lotsFrom(this::lot);
        }
        working.put(code, unit);
        return unit;
    }

    void changed(UnitState unit) {
        working.put(unit.code(), unit);
        open.put(unit);
        changedByRecord.put(unit.code(), null);
    }

    /** A unit that did not exist before: commissioned, or a container packed for the first time. */
    void created(UnitState unit) {
        unit.lotsFrom(this::lot);
        changed(unit);
        unitsCreated++;
    }

    void changed(LotState lot) {
        open.put(lot);
        changedByRecord.put(lot.key(), new Commitment.Entry(Commitment.Entry.LOT, EntryCodec.lot(lot)));
    }

    /** A unit commissioned into its lot, after the unit itself. */
    void member(LotKey lot, UnitCode unit) {
        open.add(new ChangeSet.Member(lot, unit));
    }

    void changed(PartyState party) {
        parties.put(party.id(), party);
        open.put(party);
        changedByRecord.put(party.id(), new Commitment.Entry(Commitment.Entry.PARTY, EntryCodec.party(party)));
    }

    void changed(KeyState key) {
        keys.put(key.keyId(), key);
        open.put(key);
        changedByRecord.put(key.keyId(), new Commitment.Entry(Commitment.Entry.KEY, EntryCodec.key(key)));
    }

    void decided(EventId id, Decision decision) {
        open.put(id, decision);
    }

    /** Moves the position past {@code o}, with the commitment over what the record changed. */
    void advance(Outcome o) {
        List<Commitment.Entry> entries = new ArrayList<>(changedByRecord.size());
        for (var e : changedByRecord.entrySet()) {
            // A unit may change several times in one record: its entry is its form at the end of the record.
            entries.add(
                    e.getValue() != null
                            ? e.getValue()
                            : new Commitment.Entry(
                                    Commitment.Entry.UNIT, EntryCodec.unit(open.unit((UnitCode) e.getKey()))));
        }
        // A map emptied with clear() keeps the table a commission of thousands grew it to, and clears all of it.
        changedByRecord = entries.size() > 64 ? new LinkedHashMap<>() : clearedOf(changedByRecord);
        position = new FoldPosition(
                o.seq(),
                o.offset(),
                o.recordTime() == null ? Long.MIN_VALUE : o.recordTime().toEpochMilli(),
                position.accepted() + (o.accepted() ? 1 : 0),
                position.rejected() + (o.rejected() ? 1 : 0),
                position.units() + unitsCreated,
                // A record the fold's scope leaves to others changed nothing here: it adds no link.
                o.decided() ? commitment.next(position.commitment(), o, entries) : position.commitment());
        unitsCreated = 0;
        open.position(position);
    }

    // ---- helpers

    private static <K, V> Map<K, V> clearedOf(Map<K, V> map) {
        map.clear();
        return map;
    }

    private UnitState pendingUnit(UnitCode code) {
        UnitState unit = open.unit(code);
        return unit != null ? unit : sealedUnit(code);
    }

    private UnitState sealedUnit(UnitCode code) {
        for (Iterator<ChangeSet> g = sealed.descendingIterator(); g.hasNext(); ) {
            UnitState unit = g.next().unit(code);
            if (unit != null) {
                return unit;
            }
        }
        return null;
    }

    private static void addMembers(ChangeSet generation, LotKey lot, List<UnitCode> into) {
        for (ChangeSet.Member m : generation.members()) {
            if (m.lot().equals(lot)) {
                into.add(m.unit());
            }
        }
    }

    private void loadCommitted() {
        position = store.position();
        parties.clear();
        store.parties().stream()
                .sorted(Comparator.comparingLong(PartyState::registeredSeq).thenComparing(p -> p.id().value()))
                .forEach(p -> parties.put(p.id(), p));
        keys.clear();
        store.keys().stream()
                .sorted(Comparator.comparingLong(KeyState::addedSeq)
                        .thenComparing(k -> k.keyId().value()))
                .forEach(k -> keys.put(k.keyId(), k));
    }
}
