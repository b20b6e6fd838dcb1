package dev.custodyledger.system;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Base64Url;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.json.CanonicalJson;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ledger the hostile corpus runs against, and the valid things it bends: signed events by name (each
 * freshly signed, so a mutation never repeats another case's nonce), keys by name, credentials by name.
 */
final class HostileWorld {
    static final String PREFIX = "9100006";

    final TestLedger ledger;
    final ItemCode u1 = item(gtin(PREFIX, 1), "U1");
    final ItemCode u2 = item(gtin(PREFIX, 1), "U2");
    final ItemCode foreign = item(gtin("9100007", 1), "X1");
    final List<SignedEvent> log = new ArrayList<>();
    private final SignedEvent commission;
    private final SignedEvent acceptedHandoff;

    HostileWorld(TestLedger ledger) {
        this.ledger = ledger;
        log.addAll(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, PREFIX),
                ledger.onboard("depot", Role.DISTRIBUTOR),
                ledger.onboard("stranger", Role.DISTRIBUTOR),
                ledger.onboard("lapsed", Role.DISTRIBUTOR)));
        log.add(ledger.revokeKey("lapsed", ledger.custodyKey("lapsed")));
        commission = ledger.commission("maker", "L1", u1, u2);
        acceptedHandoff = ledger.handoff("maker", "depot", u2);
        log.add(commission);
        log.add(acceptedHandoff);
    }

    /** A signed event by template name; each call signs a new one. */
    SignedEvent event(String template) {
        Map<String, Supplier<SignedEvent>> templates = Map.ofEntries(
                Map.entry("handoff", () -> ledger.handoff("maker", "depot", u1)),
                Map.entry("handoff-by-stranger", () -> ledger.handoff("stranger", "depot", u1)),
                Map.entry("handoff-by-lapsed", () -> ledger.handoff("lapsed", "depot", u1)),
                Map.entry("handoff-by-ghost", () -> ledger.handoff("ghost", "depot", u1)),
                Map.entry("handoff-to-ghost", () -> ledger.handoff("maker", "ghost", u1)),
                Map.entry(
                        "handoff-unknown-unit", () -> ledger.handoff("maker", "depot", item(gtin(PREFIX, 1), "NOPE"))),
                Map.entry("handoff-already-shipped", () -> ledger.handoff("maker", "depot", u2)),
                Map.entry("commission-foreign", () -> ledger.commission("maker", "L9", foreign)),
                Map.entry("recommission", () -> ledger.commission("maker", "L2", u1)),
                Map.entry("sell-by-depot", () -> ledger.sell("depot", u1)),
                Map.entry("receive-not-pending", () -> ledger.receive("stranger", u1)),
                Map.entry("register-by-operator", () -> ledger.register("intruder", List.of(Role.PRODUCER), "9100008")),
                Map.entry("replay-commission", () -> commission),
                Map.entry("replay-handoff", () -> acceptedHandoff));
        Supplier<SignedEvent> make = templates.get(template);
        if (make == null) {
            throw new IllegalArgumentException("no event template '" + template + "'");
        }
        return make.get();
    }

    /** The envelope of {@code event} as mutable JSON. */
    ObjectNode envelope(SignedEvent event) {
        return (ObjectNode) StrictJson.parse(event.envelopeBytes());
    }

    /** Signs the envelope's (possibly edited) event again with the named key, as a forger who holds it would. */
    void resign(ObjectNode envelope, String keyName) {
        byte[] canonical = CanonicalJson.bytes(envelope.get("event"));
        envelope.put("sig", Base64Url.encode(key(keyName).sign(canonical)));
    }

    Ed25519PrivateKey key(String name) {
        return switch (name) {
            case "operator" -> ledger.operatorKey();
            case "unknown" -> TestLedger.key("never-registered");
            default -> ledger.custodyKey(name);
        };
    }

    /** The {@code Authorization} header a case names, or null for none. */
    String authorization(String name) {
        Instant now = Instant.now();
        return switch (name) {
            case "none" -> null;
            case "garbage" -> "Bearer not-a-credential";
            case "basic" -> "Basic bWFrZXI6cGFzc3dvcmQ=";
            case "empty-bearer" -> "Bearer ";
            case "forged" -> bearer(credential("maker", Role.PRODUCER, now).sign(key("stranger")));
            case "expired" ->
                bearer(new PartyCredential(
                                PartyId.of("maker"),
                                List.of(Role.PRODUCER),
                                now.minus(Duration.ofHours(2)),
                                now.minus(Duration.ofHours(1)),
                                "expired-" + now)
                        .sign(ledger.operatorKey()));
            case "ghost" -> bearer(credential("ghost", Role.PRODUCER, now).sign(ledger.operatorKey()));
            case "operator" -> bearer(credential("operator", Role.OPERATOR, now).sign(ledger.operatorKey()));
            case "maker" -> bearer(credential("maker", Role.PRODUCER, now).sign(ledger.operatorKey()));
            case "depot", "stranger" ->
                bearer(credential(name, Role.DISTRIBUTOR, now).sign(ledger.operatorKey()));
            default -> throw new IllegalArgumentException("no credential '" + name + "'");
        };
    }

    private static PartyCredential credential(String party, Role role, Instant now) {
        return new PartyCredential(
                PartyId.of(party), List.of(role), now.minusSeconds(5), now.plusSeconds(3600), "corpus-" + party);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Text a path or body may name: the world's units and ids. */
    String substitute(String text) {
        return text.replace("{unit}", u1.path())
                .replace("{gtin}", u1.gtin().value())
                .replace("{serial}", u1.serial().value())
                .replace("{foreignUnit}", foreign.path())
                .replace("{eventId}", commission.id().toString())
                .replace("{unknownKeyId}", key("unknown").keyId().value());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
