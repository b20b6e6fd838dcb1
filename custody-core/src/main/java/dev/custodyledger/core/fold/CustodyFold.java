package dev.custodyledger.core.fold;

import static dev.custodyledger.core.fold.RejectionCode.*;

import dev.custodyledger.core.crypto.SignatureInvalidException;
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
import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custody rules as a deterministic fold over the ledger: {@link #apply} takes the next record in log
 * order and returns its outcome, changing the state only when the whole event is accepted. No clock, no
 * randomness, no I/O: time comes from the record. Every folder of the same log reaches the same state and
 * the same outcomes. Not thread-safe: one thread folds.
 */
public final class CustodyFold {
    private final CustodyState state;
    private final LedgerRules rules;
    private final SignatureCheck signatures;
    private final FoldScope scope;
    /**
     * True while {@link #apply} runs: the rules then read units as objects of the fold's own, which the effects
     * change. Pre-checks run between applies, on other threads, and read the state as it stands.
     */
    private boolean applying;

    public CustodyFold(CustodyState state, LedgerRules rules, SignatureCheck signatures) {
        this(state, rules, signatures, FoldScope.LEDGER);
    }

    /** A fold that decides only the records of {@code scope}; the state must be opened for the same scope. */
    public CustodyFold(CustodyState state, LedgerRules rules, SignatureCheck signatures, FoldScope scope) {
        this.state = state;
        this.rules = rules;
        this.signatures = signatures;
        this.scope = scope;
    }

    public static CustodyFold fromGenesis(TrustAnchor anchor, LedgerRules rules, SignatureCheck signatures) {
        return new CustodyFold(CustodyState.genesis(anchor), rules, signatures);
    }

    public CustodyState state() {
        return state;
    }

    /** Folds the next record; offsets must increase (a redelivered record is the caller's to skip). */
    public Outcome apply(LedgerRecord record) {
        if (record.offset() <= state.lastOffset()) {
            throw new IllegalArgumentException("offset " + record.offset() + " is not after " + state.lastOffset());
        }
        applying = true;
        try {
            return decide(record);
        } finally {
            applying = false;
        }
    }

    private Outcome decide(LedgerRecord record) {
        long seq = state.lastSeq() + 1;
        Outcome outcome;
        SignedEvent signed = record.event();
        if (!scope.decides(record)) {
            outcome = Outcome.passed(seq, record);
        } else if (signed == null) {
            outcome = new Outcome(
                    seq,
                    record.offset(),
                    record.recordTime(),
                    null,
                    null,
                    null,
                    MALFORMED,
                    record.malformed(),
                    List.of(),
                    List.of(),
                    true);
        } else {
            CustodyEvent event = signed.event();
            List<UnitCode> carried = List.of();
            List<UnitCode> units = named(event);
            RejectionCode code = null;
            String message = null;
            if (state.contains(signed.id())) {
                code = DUPLICATE;
                message = "event " + signed.id() + " is already in the ledger";
            } else {
                try {
                    Effect effect = check(signed, record.recordTime(), signatures);
                    carried = carriedUnits(event);
                    effect.apply(seq);
                    if (event instanceof Recall r && r.byLot()) {
                        units = unitsOf(new LotKey(r.gtin(), r.lot()));
                    }
                } catch (Rejection r) {
                    code = r.code();
                    message = r.getMessage();
                }
            }
            outcome = new Outcome(
                    seq,
                    record.offset(),
                    record.recordTime(),
                    signed.id(),
                    event.type(),
                    event.header().actor(),
                    code,
                    message,
                    units,
                    carried,
                    true);
            if (code != DUPLICATE) {
                state.decided(signed.id(), Decision.of(outcome));
            }
        }
        state.advance(outcome);
        return outcome;
    }

    /**
     * Would {@code event} be accepted if it were the next record, recorded at {@code recordTime}? Used by
     * intake to refuse what is certain to fail; changes nothing.
     */
    public Optional<Rejection> precheck(SignedEvent event, Instant recordTime) {
        return precheck(event, recordTime, signatures);
    }

    /** As {@link #precheck(SignedEvent, Instant)}, checking signatures as {@code signatureCheck} says (intake verifies). */
    public Optional<Rejection> precheck(SignedEvent event, Instant recordTime, SignatureCheck signatureCheck) {
        if (!scope.decides(event.event().type())) {
            throw new IllegalStateException("a fold of the " + scope + " scope cannot judge a "
                    + event.event().type() + " event");
        }
        if (state.contains(event.id())) {
            return Optional.of(new Rejection(DUPLICATE, "event " + event.id() + " is already in the ledger"));
        }
        try {
            check(event, recordTime, signatureCheck);
            return Optional.empty();
        } catch (Rejection r) {
            return Optional.of(r);
        }
    }

    /** Every unit of a lot, in commission order: what a lot's recall touches though it names none. */
    private List<UnitCode> unitsOf(LotKey lot) {
        return List.copyOf(state.unitsOf(lot));
    }

    /** The units an outcome names: the event's own, with a packed or unpacked container first. */
    private static List<UnitCode> named(CustodyEvent event) {
        List<UnitCode> units = List.copyOf(event.units());
        return switch (event) {
            case Pack p -> withFirst(p.container(), units);
            case Unpack u -> withFirst(u.container(), units);
            case RegistryEvent _, Commission _, Handoff _, Receive _, Refuse _, Sell _, Recall _, Report _ -> units;
        };
    }

    /** What an accepted event does to the state, run only once every check of the event has passed. */
    @FunctionalInterface
    private interface Effect {
        void apply(long seq);
    }

    // ---- the checks every event passes: signer, key, signature, purpose, time

    private Effect check(SignedEvent signed, Instant recordTime, SignatureCheck signatures) throws Rejection {
        CustodyEvent event = signed.event();
        EventHeader h = event.header();
        PartyState actor = state.party(h.actor());
        if (actor == null) {
            throw new Rejection(UNKNOWN_PARTY, "party " + h.actor() + " is not registered");
        }
        if (actor.suspended()) {
            throw new Rejection(PARTY_SUSPENDED, "party " + h.actor() + " is suspended");
        }
        KeyState key = state.key(h.keyId());
        if (key == null || !key.party().equals(h.actor())) {
            throw new Rejection(UNKNOWN_KEY, "key " + h.keyId() + " is not registered to " + h.actor());
        }
        if (key.revoked()) {
            throw new Rejection(KEY_REVOKED, "key " + h.keyId() + " was revoked at seq " + key.revokedSeq());
        }
        try {
            signatures.check(signed, key.publicKey());
        } catch (SignatureInvalidException e) {
            throw new Rejection(BAD_SIGNATURE, "the signature does not verify under key " + h.keyId());
        }
        if (event.type().isRegistry() && !actor.has(Role.OPERATOR)) {
            throw new Rejection(ROLE_NOT_ALLOWED, event.type() + " is for the operator only");
        }
        KeyPurpose needed = event.type().isRegistry() ? KeyPurpose.OPERATOR : KeyPurpose.CUSTODY;
        if (key.purpose() != needed) {
            throw new Rejection(
                    WRONG_KEY_PURPOSE,
                    event.type() + " needs a " + needed.wire() + " key, not a "
                            + key.purpose().wire() + " key");
        }
        if (h.eventTime().isAfter(recordTime.plus(rules.maxFutureSkew()))) {
            throw new Rejection(
                    CLOCK_SKEW, "eventTime " + h.eventTime() + " is ahead of the ledger time " + recordTime);
        }
        if (h.eventTime().isBefore(recordTime.minus(rules.maxPastSkew()))) {
            throw new Rejection(
                    CLOCK_SKEW, "eventTime " + h.eventTime() + " is too far behind the ledger time " + recordTime);
        }
        return switch (event) {
            case PartyRegistered e -> register(e);
            case KeyAdded e -> addKey(e);
            case KeyRevoked e -> revokeKey(e);
            case PartySuspended e -> suspend(e);
            case Commission e -> commission(actor, e);
            case Pack e -> pack(e);
            case Unpack e -> unpack(e);
            case Handoff e -> handOff(e);
            case Receive e -> receive(e);
            case Refuse e -> refuse(e);
            case Sell e -> sell(actor, e);
            case Recall e -> recall(actor, e);
            case Report e -> report(actor, e);
        };
    }

    // ---- each event type: its checks (a Rejection, nothing changed), then its effect

    private Effect register(PartyRegistered e) throws Rejection {
        if (state.party(e.party().id()) != null) {
            throw new Rejection(PARTY_EXISTS, "party " + e.party().id() + " is already registered");
        }
        if (e.party().roles().contains(Role.OPERATOR)) {
            throw new Rejection(ROLE_NOT_ALLOWED, "the operator role belongs to the trust anchor alone");
        }
        for (CompanyPrefix prefix : e.party().companyPrefixes()) {
            for (PartyState other : state.parties()) {
                for (CompanyPrefix taken : other.profile().companyPrefixes()) {
                    if (prefix.overlaps(taken)) {
                        throw new Rejection(
                                PREFIX_CONFLICT,
                                "company prefix " + prefix + " overlaps " + taken + " of " + other.id());
                    }
                }
            }
        }
        return seq -> state.changed(new PartyState(e.party(), seq));
    }

    private Effect addKey(KeyAdded e) throws Rejection {
        PartyState party = requireParty(e.party());
        if (state.key(e.publicKey().keyId()) != null) {
            throw new Rejection(KEY_EXISTS, "key " + e.publicKey().keyId() + " is already registered");
        }
        if ((e.purpose() == KeyPurpose.OPERATOR || e.purpose() == KeyPurpose.LOG) && !party.has(Role.OPERATOR)) {
            throw new Rejection(
                    ROLE_NOT_ALLOWED, "only the operator holds " + e.purpose().wire() + " keys");
        }
        return seq -> state.changed(new KeyState(e.party(), e.publicKey(), e.purpose(), seq));
    }

    private Effect revokeKey(KeyRevoked e) throws Rejection {
        requireParty(e.party());
        KeyState key = state.key(e.revokedKey());
        if (key == null || !key.party().equals(e.party())) {
            throw new Rejection(UNKNOWN_KEY, "key " + e.revokedKey() + " is not registered to " + e.party());
        }
        if (key.revoked()) {
            throw new Rejection(KEY_REVOKED, "key " + e.revokedKey() + " is already revoked");
        }
        if (key.keyId().equals(state.anchor().key().keyId())) {
            throw new Rejection(
                    ROLE_NOT_ALLOWED, "the trust anchor is configuration and cannot be revoked on the ledger");
        }
        return seq -> state.changed(key.revoked(seq, e.reason()));
    }

    private Effect suspend(PartySuspended e) throws Rejection {
        PartyState party = requireParty(e.party());
        if (party.has(Role.OPERATOR)) {
            throw new Rejection(ROLE_NOT_ALLOWED, "the operator cannot be suspended");
        }
        if (party.suspended()) {
            throw new Rejection(PARTY_SUSPENDED, "party " + e.party() + " is already suspended");
        }
        return seq -> state.changed(party.suspended(seq, e.reason()));
    }

    private Effect commission(PartyState actor, Commission e) throws Rejection {
        if (!actor.has(Role.PRODUCER)) {
            throw new Rejection(ROLE_NOT_ALLOWED, "only a producer commissions units");
        }
        for (ItemCode code : e.units()) {
            if (!actor.owns(code.gtin())) {
                throw new Rejection(
                        GTIN_NOT_OWNED, "GTIN " + code.gtin() + " is not under a company prefix of " + actor.id());
            }
            if (state.unit(code) != null) {
                throw new Rejection(ALREADY_COMMISSIONED, "unit " + code + " is already commissioned");
            }
        }
        return seq -> {
            // One event may commission into several lots (one per GTIN): each lot counts its units once.
            Map<LotKey, Long> added = new LinkedHashMap<>();
            for (ItemCode code : e.units()) {
                added.merge(new LotKey(code.gtin(), e.lot()), 1L, Long::sum);
            }
            added.forEach((key, count) -> {
                LotState lot = state.lot(key);
                state.changed((lot != null ? lot : new LotState(key, seq)).withMoreUnits(count));
            });
            for (ItemCode code : e.units()) {
                var lot = new LotKey(code.gtin(), e.lot());
                state.created(new UnitState(code, seq, e.header().actor(), lot, e.expiry(), e.product()));
                state.member(lot, code);
            }
        };
    }

    private Effect pack(Pack e) throws Rejection {
        if (unit(e.container()) != null) {
            requireMovable(e.container(), e.header());
        }
        for (UnitCode code : e.units()) {
            requireMovable(code, e.header());
        }
        return seq -> {
            UnitState container = unit(e.container());
            if (container == null) {
                container = new UnitState(e.container(), seq, e.header().actor(), null, null, null);
                state.created(container);
            }
            container.lastSeq = seq;
            for (UnitCode code : e.units()) {
                UnitState unit = unit(code);
                unit.parent = e.container();
                unit.lastSeq = seq;
                container.mutableChildren().add(code);
                state.changed(unit);
            }
            state.changed(container);
        };
    }

    private Effect unpack(Unpack e) throws Rejection {
        UnitState container = requireMovable(e.container(), e.header());
        for (UnitCode code : e.units()) {
            requireUnit(code);
            if (!container.mutableChildren().contains(code)) {
                throw new Rejection(NOT_IN_CONTAINER, "unit " + code + " is not in " + e.container());
            }
        }
        return seq -> {
            List<UnitCode> out = e.units().isEmpty() ? List.copyOf(container.mutableChildren()) : e.units();
            for (UnitCode code : out) {
                UnitState unit = unit(code);
                unit.parent = null;
                unit.lastSeq = seq;
                container.mutableChildren().remove(code);
                state.changed(unit);
            }
            container.lastSeq = seq;
            state.changed(container);
        };
    }

    private Effect handOff(Handoff e) throws Rejection {
        PartyState to = requireParty(e.to());
        if (to.suspended()) {
            throw new Rejection(PARTY_SUSPENDED, "receiver " + e.to() + " is suspended");
        }
        for (UnitCode code : e.units()) {
            requireMovable(code, e.header());
        }
        return seq -> {
            for (UnitCode code : e.units()) {
                UnitState unit = unit(code);
                unit.pendingTo = e.to();
                unit.pendingSeq = seq;
                touchTree(unit, seq);
            }
        };
    }

    private Effect receive(Receive e) throws Rejection {
        checkArrival(e.units(), e.header());
        return seq ->
                e.units().forEach(code -> setCustodian(settle(code), e.header().actor(), seq));
    }

    private Effect refuse(Refuse e) throws Rejection {
        checkArrival(e.units(), e.header());
        return seq -> e.units().forEach(code -> touchTree(settle(code), seq));
    }

    private Effect sell(PartyState actor, Sell e) throws Rejection {
        if (!actor.has(Role.RETAILER)) {
            throw new Rejection(ROLE_NOT_ALLOWED, "only a retailer sells to consumers");
        }
        for (ItemCode code : e.units()) {
            UnitState unit = requireMovable(code, e.header());
            if (unit.recalled()) {
                throw new Rejection(RECALLED_UNIT, "unit " + code + " is recalled and must not be sold");
            }
        }
        return seq -> {
            for (ItemCode code : e.units()) {
                setStatus(unit(code), UnitStatus.SOLD, seq);
            }
        };
    }

    private Effect recall(PartyState actor, Recall e) throws Rejection {
        if (!actor.has(Role.PRODUCER)) {
            throw new Rejection(ROLE_NOT_ALLOWED, "only a producer recalls");
        }
        if (e.byLot()) {
            if (!actor.owns(e.gtin())) {
                throw new Rejection(
                        GTIN_NOT_OWNED, "GTIN " + e.gtin() + " is not under a company prefix of " + actor.id());
            }
            LotState lot = state.lot(new LotKey(e.gtin(), e.lot()));
            if (lot == null) {
                throw new Rejection(
                        UNKNOWN_LOT, "no unit of lot " + e.lot() + " of GTIN " + e.gtin() + " was commissioned");
            }
            if (lot.recalled()) {
                throw new Rejection(ALREADY_RECALLED, "lot " + lot.key() + " is already recalled");
            }
            return seq -> state.changed(lot.recalled(seq, e.reason()));
        }
        for (ItemCode code : e.units()) {
            if (!actor.owns(code.gtin())) {
                throw new Rejection(
                        GTIN_NOT_OWNED, "GTIN " + code.gtin() + " is not under a company prefix of " + actor.id());
            }
            if (requireUnit(code).recalled()) {
                throw new Rejection(ALREADY_RECALLED, "unit " + code + " is already recalled");
            }
        }
        return seq -> {
            for (ItemCode code : e.units()) {
                UnitState unit = unit(code);
                unit.recalledSeq = seq;
                unit.recallReason = e.reason();
                unit.lastSeq = seq;
                state.changed(unit);
            }
        };
    }

    private Effect report(PartyState actor, Report e) throws Rejection {
        for (UnitCode code : e.units()) {
            UnitState unit = requireUnit(code);
            boolean producer = code instanceof ItemCode item && actor.has(Role.PRODUCER) && actor.owns(item.gtin());
            boolean custodian = unit.custodian.equals(actor.id());
            boolean allowed = e.disposition() == Disposition.EXPIRED ? producer : producer || custodian;
            if (!allowed) {
                throw new Rejection(
                        NOT_CUSTODIAN,
                        e.disposition() == Disposition.EXPIRED
                                ? "only the producer of " + code + " reports it expired"
                                : "only the custodian or the producer of " + code + " reports it "
                                        + e.disposition().wire());
            }
            if (unit.status != UnitStatus.ACTIVE) {
                throw new Rejection(
                        INACTIVE_UNIT,
                        "unit " + code + " is " + unit.status.name().toLowerCase());
            }
        }
        UnitStatus status = UnitStatus.valueOf(e.disposition().name());
        return seq -> e.units().forEach(code -> setStatus(settle(code), status, seq));
    }

    // ---- checks shared by several event types

    private void checkArrival(List<UnitCode> codes, EventHeader h) throws Rejection {
        for (UnitCode code : codes) {
            UnitState unit = requireUnit(code);
            if (unit.pendingTo == null) {
                throw new Rejection(HANDOFF_NOT_PENDING, "unit " + code + " has no pending handoff");
            }
            if (!unit.pendingTo.equals(h.actor())) {
                throw new Rejection(
                        NOT_RECEIVER, "unit " + code + " is on its way to " + unit.pendingTo + ", not " + h.actor());
            }
            if (unit.status != UnitStatus.ACTIVE) {
                throw new Rejection(
                        INACTIVE_UNIT,
                        "unit " + code + " is " + unit.status.name().toLowerCase());
            }
        }
    }

    private PartyState requireParty(PartyId id) throws Rejection {
        PartyState party = state.party(id);
        if (party == null) {
            throw new Rejection(UNKNOWN_PARTY, "party " + id + " is not registered");
        }
        return party;
    }

    /** The unit as the rules see it: while applying, an object of the fold's own to change; null when none. */
    private UnitState unit(UnitCode code) {
        return applying ? state.load(code) : state.unit(code);
    }

    private UnitState requireUnit(UnitCode code) throws Rejection {
        UnitState unit = unit(code);
        if (unit == null) {
            throw new Rejection(UNKNOWN_UNIT, "unit " + code + " was never commissioned or packed");
        }
        return unit;
    }

    /** The actor holds the unit, it is active, not in transit and not inside a container. */
    private UnitState requireMovable(UnitCode code, EventHeader h) throws Rejection {
        UnitState unit = requireUnit(code);
        if (unit.status != UnitStatus.ACTIVE) {
            throw new Rejection(
                    INACTIVE_UNIT, "unit " + code + " is " + unit.status.name().toLowerCase());
        }
        if (!unit.custodian.equals(h.actor())) {
            throw new Rejection(NOT_CUSTODIAN, "unit " + code + " is held by " + unit.custodian + ", not " + h.actor());
        }
        if (unit.pendingTo != null) {
            throw new Rejection(IN_TRANSIT, "unit " + code + " is in transit to " + unit.pendingTo);
        }
        if (unit.parent != null) {
            throw new Rejection(INSIDE_CONTAINER, "unit " + code + " is inside " + unit.parent + "; unpack it first");
        }
        return unit;
    }

    // ---- effects shared by several event types

    /** Every unit inside the ones an event moves, before it moves them: what travels along in a container. */
    private List<UnitCode> carriedUnits(CustodyEvent event) {
        List<UnitCode> carried = new ArrayList<>();
        switch (event) {
            case RegistryEvent _, Commission _ -> {}
            case Unpack u when u.units().isEmpty() -> collectDescendants(unit(u.container()), carried);
            case Pack _, Unpack _, Handoff _, Receive _, Refuse _, Sell _, Recall _, Report _ -> {
                for (UnitCode code : event.units()) {
                    collectDescendants(unit(code), carried);
                }
            }
        }
        return carried.isEmpty() ? List.of() : List.copyOf(carried);
    }

    private void collectDescendants(UnitState unit, List<UnitCode> into) {
        if (unit == null || !unit.isContainer()) {
            return;
        }
        for (UnitCode child : unit.mutableChildren()) {
            into.add(child);
            collectDescendants(unit(child), into);
        }
    }

    /** The unit's pending handoff ends (received, refused, or the unit left the supply chain). */
    private UnitState settle(UnitCode code) {
        UnitState unit = unit(code);
        unit.pendingTo = null;
        unit.pendingSeq = 0;
        state.changed(unit);
        return unit;
    }

    private void setCustodian(UnitState unit, PartyId custodian, long seq) {
        unit.custodian = custodian;
        unit.lastSeq = seq;
        state.changed(unit);
        if (unit.isContainer()) {
            for (UnitCode child : unit.mutableChildren()) {
                setCustodian(unit(child), custodian, seq);
            }
        }
    }

    private void setStatus(UnitState unit, UnitStatus status, long seq) {
        if (unit.status == UnitStatus.ACTIVE) {
            unit.status = status;
            unit.statusSeq = seq;
        }
        unit.lastSeq = seq;
        state.changed(unit);
        if (unit.isContainer()) {
            for (UnitCode child : unit.mutableChildren()) {
                setStatus(unit(child), status, seq);
            }
        }
    }

    private void touchTree(UnitState unit, long seq) {
        unit.lastSeq = seq;
        state.changed(unit);
        if (unit.isContainer()) {
            for (UnitCode child : unit.mutableChildren()) {
                touchTree(unit(child), seq);
            }
        }
    }

    private static List<UnitCode> withFirst(ContainerCode container, List<UnitCode> rest) {
        List<UnitCode> all = new ArrayList<>(rest.size() + 1);
        all.add(container);
        all.addAll(rest);
        return List.copyOf(all);
    }
}
