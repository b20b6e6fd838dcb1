package dev.custodyledger.core.testing;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Sha256;
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
import dev.custodyledger.core.event.CustodyEvent.Report;
import dev.custodyledger.core.event.CustodyEvent.Sell;
import dev.custodyledger.core.event.CustodyEvent.Unpack;
import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds signed events for tests: deterministic keys derived from names, an operator trust anchor, a clock
 * that the test moves, and one builder per event type. Every party gets a custody key named
 * {@code <party>/custody}.
 */
public final class TestLedger {
    public static final PartyId OPERATOR = PartyId.of("operator");
    public static final String BRAND_PREFIX = "9506000";

    private final Ed25519PrivateKey operatorKey = key("operator");
    private Instant now;
    private long nonce;

    /** A ledger clock at a fixed instant, for pure fold tests that must not depend on the date. */
    public TestLedger() {
        this(Instant.parse("2026-11-28T10:00:00.000Z"));
    }

    /** A ledger clock starting at {@code start}: services stamp records with the broker's clock, so use now. */
    public TestLedger(Instant start) {
        this.now = start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static TestLedger startingNow() {
        return new TestLedger(Instant.now().minusSeconds(60));
    }

    /** A deterministic key: the seed is SHA-256 of the name. */
    public static Ed25519PrivateKey key(String name) {
        return Ed25519PrivateKey.of(Sha256.hash(("custody-test:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    public TrustAnchor anchor() {
        return new TrustAnchor(OPERATOR, "Ledger Operator", operatorKey.publicKey());
    }

    public Ed25519PrivateKey operatorKey() {
        return operatorKey;
    }

    public Ed25519PrivateKey custodyKey(String party) {
        return key(party + "/custody");
    }

    public Instant now() {
        return now;
    }

    public TestLedger advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public EventHeader header(EventType type, String actor, Ed25519PrivateKey key) {
        now = now.plusMillis(1);
        return new EventHeader(type, now, PartyId.of(actor), key.keyId(), String.format("n%015d", ++nonce), null);
    }

    public EventHeader header(EventType type, String actor) {
        return header(type, actor, actor.equals(OPERATOR.value()) ? operatorKey : custodyKey(actor));
    }

    /** Registration and custody key of a party, signed by the operator. */
    public List<SignedEvent> onboard(String party, Role role, String... prefixes) {
        return List.of(register(party, List.of(role), prefixes), addKey(party, custodyKey(party), KeyPurpose.CUSTODY));
    }

    public SignedEvent register(String party, List<Role> roles, String... prefixes) {
        var profile = new PartyProfile(
                PartyId.of(party),
                "Party " + party,
                roles,
                Arrays.stream(prefixes).map(CompanyPrefix::new).toList(),
                null,
                new Location("City of " + party, "DE"));
        return operator(new PartyRegistered(header(EventType.PARTY_REGISTERED, OPERATOR.value()), profile));
    }

    public SignedEvent addKey(String party, Ed25519PrivateKey key, KeyPurpose purpose) {
        return operator(new KeyAdded(
                header(EventType.KEY_ADDED, OPERATOR.value()), PartyId.of(party), key.publicKey(), purpose));
    }

    public SignedEvent revokeKey(String party, Ed25519PrivateKey key) {
        return operator(new KeyRevoked(
                header(EventType.KEY_REVOKED, OPERATOR.value()), PartyId.of(party), key.keyId(), "rotated"));
    }

    public SignedEvent suspend(String party) {
        return operator(new PartySuspended(
                header(EventType.PARTY_SUSPENDED, OPERATOR.value()), PartyId.of(party), "contract ended"));
    }

    public SignedEvent commission(String producer, String lot, ItemCode... units) {
        return commission(producer, lot, List.of(units));
    }

    public SignedEvent commission(String producer, String lot, List<ItemCode> units) {
        return sign(
                producer,
                new Commission(
                        header(EventType.COMMISSION, producer),
                        units,
                        Lot.of(lot),
                        LocalDate.of(2028, 6, 30),
                        Product.named("Infant formula 800 g")));
    }

    public SignedEvent pack(String actor, ContainerCode container, UnitCode... units) {
        return sign(actor, new Pack(header(EventType.PACK, actor), container, List.of(units)));
    }

    public SignedEvent unpack(String actor, ContainerCode container, UnitCode... units) {
        return sign(actor, new Unpack(header(EventType.UNPACK, actor), container, List.of(units)));
    }

    public SignedEvent handoff(String from, String to, UnitCode... units) {
        return sign(from, new Handoff(header(EventType.HANDOFF, from), List.of(units), PartyId.of(to)));
    }

    public SignedEvent receive(String by, UnitCode... units) {
        return sign(by, new Receive(header(EventType.RECEIVE, by), List.of(units)));
    }

    public SignedEvent refuse(String by, UnitCode... units) {
        return sign(by, new Refuse(header(EventType.REFUSE, by), List.of(units), "damaged packaging"));
    }

    public SignedEvent sell(String retailer, ItemCode... units) {
        return sign(retailer, new Sell(header(EventType.SELL, retailer), List.of(units)));
    }

    public SignedEvent recallLot(String producer, Gtin gtin, String lot) {
        return sign(
                producer,
                new Recall(header(EventType.RECALL, producer), gtin, Lot.of(lot), List.of(), "contamination risk"));
    }

    public SignedEvent recallUnits(String producer, ItemCode... units) {
        return sign(
                producer, new Recall(header(EventType.RECALL, producer), null, null, List.of(units), "tampered seal"));
    }

    public SignedEvent report(String actor, Disposition disposition, UnitCode... units) {
        return sign(actor, new Report(header(EventType.REPORT, actor), List.of(units), disposition, null));
    }

    /** Signs with the actor's custody key (or the operator key for the operator). */
    public SignedEvent sign(String actor, CustodyEvent event) {
        return SignedEvent.sign(event, actor.equals(OPERATOR.value()) ? operatorKey : custodyKey(actor));
    }

    private SignedEvent operator(CustodyEvent event) {
        return SignedEvent.sign(event, operatorKey);
    }

    @SafeVarargs
    public static List<SignedEvent> concat(List<SignedEvent>... lists) {
        List<SignedEvent> all = new ArrayList<>();
        Stream.of(lists).forEach(all::addAll);
        return all;
    }
}
