package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the fold knows after some prefix of the log. Maps keep insertion order, which is the order of
 * first appearance in the log, so that the canonical form (and with it the digest) needs no sorting. Only
 * {@link CustodyFold} and {@link StateCodec} change it.
 */
public final class CustodyState {
    final Map<PartyId, PartyState> parties = new LinkedHashMap<>();
    final Map<KeyId, KeyState> keys = new LinkedHashMap<>();
    final Map<LotKey, LotState> lots = new LinkedHashMap<>();
    final Map<UnitCode, UnitState> units = new LinkedHashMap<>();
    final Map<EventId, Decision> decisions = new HashMap<>();
    final TrustAnchor anchor;
    long lastSeq;
    long lastOffset = -1;
    Instant lastRecordTime;
    long accepted;
    long rejected;
    /** Chains every outcome: two folds that agree on it decided every record alike. */
    byte[] outcomeChain = new byte[32];

    CustodyState(TrustAnchor anchor) {
        this.anchor = anchor;
    }

    /** The state before the first record: the operator party and its trust-anchor key. */
    public static CustodyState genesis(TrustAnchor anchor) {
        var state = new CustodyState(anchor);
        var operator =
                new PartyProfile(anchor.operator(), anchor.name(), List.of(Role.OPERATOR), List.of(), null, null);
        state.parties.put(anchor.operator(), new PartyState(operator, 0));
        state.keys.put(anchor.key().keyId(), new KeyState(anchor.operator(), anchor.key(), KeyPurpose.OPERATOR, 0));
        return state;
    }

    public TrustAnchor anchor() {
        return anchor;
    }

    public PartyState party(PartyId id) {
        return parties.get(id);
    }

    public KeyState key(KeyId id) {
        return keys.get(id);
    }

    public UnitState unit(UnitCode code) {
        return units.get(code);
    }

    public LotState lot(LotKey key) {
        return lots.get(key);
    }

    public boolean contains(EventId id) {
        return decisions.containsKey(id);
    }

    /** What the fold decided for {@code id}; null when no record of it has been folded. */
    public Decision decision(EventId id) {
        return decisions.get(id);
    }

    /** The registered party whose company prefix covers {@code gtin}: the brand owner; null when none does. */
    public PartyState owner(dev.custodyledger.core.gs1.Gtin gtin) {
        for (PartyState party : parties.values()) {
            if (party.owns(gtin)) {
                return party;
            }
        }
        return null;
    }

    public Collection<PartyState> parties() {
        return Collections.unmodifiableCollection(parties.values());
    }

    public Collection<KeyState> keys() {
        return Collections.unmodifiableCollection(keys.values());
    }

    /** Units matching {@code filter}, in order of first appearance; a scan, for rare events such as a lot recall. */
    public List<UnitState> unitsWhere(java.util.function.Predicate<UnitState> filter) {
        return units.values().stream().filter(filter).toList();
    }

    public int unitCount() {
        return units.size();
    }

    /** The sequence number of the last folded record; 0 before the first. */
    public long lastSeq() {
        return lastSeq;
    }

    /** The Kafka offset of the last folded record; -1 before the first. */
    public long lastOffset() {
        return lastOffset;
    }

    public Instant lastRecordTime() {
        return lastRecordTime;
    }

    public long acceptedCount() {
        return accepted;
    }

    public long rejectedCount() {
        return rejected;
    }
}
