package dev.custodyledger.core.event;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignedEventTest {
    static final TestLedger LEDGER = new TestLedger();
    static final ItemCode TIN = item(gtin(TestLedger.BRAND_PREFIX, 13435), "7Q2K9X4MZ3");
    static final ContainerCode CASE = container(TestLedger.BRAND_PREFIX, 1);

    static Stream<SignedEvent> oneOfEachType() {
        return Stream.of(
                LEDGER.register("acme-foods", List.of(Role.PRODUCER), "9506000"),
                LEDGER.addKey("acme-foods", TestLedger.key("k"), KeyPurpose.LABEL),
                LEDGER.revokeKey("acme-foods", TestLedger.key("k")),
                LEDGER.suspend("acme-foods"),
                LEDGER.commission("acme-foods", "L1", TIN),
                LEDGER.pack("acme-foods", CASE, TIN),
                LEDGER.unpack("acme-foods", CASE),
                LEDGER.handoff("acme-foods", "fresh-mart", CASE),
                LEDGER.receive("fresh-mart", CASE),
                LEDGER.refuse("fresh-mart", CASE),
                LEDGER.sell("fresh-mart", TIN),
                LEDGER.recallLot("acme-foods", TIN.gtin(), "L1"),
                LEDGER.recallUnits("acme-foods", TIN),
                LEDGER.report("acme-foods", Disposition.STOLEN, CASE));
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void everyEventTypeRoundTripsThroughTheEnvelopeAndKeepsItsId(SignedEvent signed) throws Exception {
        SignedEvent decoded = SignedEvent.decode(signed.envelopeBytes());

        assertThat(decoded.event()).isEqualTo(signed.event());
        assertThat(decoded.id()).isEqualTo(signed.id());
        assertThat(decoded.envelopeBytes()).isEqualTo(signed.envelopeBytes());
        decoded.verifyWith(
                signed.event().header().actor().equals(TestLedger.OPERATOR)
                        ? LEDGER.operatorKey().publicKey()
                        : LEDGER.custodyKey(signed.event().header().actor().value())
                                .publicKey());
    }

    @Test
    void theIdAndSignatureDependOnlyOnTheCanonicalBytesNotOnTheSendersFormatting() throws Exception {
        SignedEvent signed = LEDGER.handoff("acme-foods", "fresh-mart", TIN);
        String pretty = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(signed.envelopeJson());

        SignedEvent reformatted = SignedEvent.decode(pretty.getBytes(StandardCharsets.UTF_8));

        assertThat(reformatted.id()).isEqualTo(signed.id());
        assertThatCode(() ->
                        reformatted.verifyWith(LEDGER.custodyKey("acme-foods").publicKey()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1E0", "10e-1", "0.1e1"})
    void numbersEqualUnderRfc8785AreTheSameEventWithTheSameId(String spelling) throws Exception {
        SignedEvent signed = LEDGER.handoff("acme-foods", "fresh-mart", TIN);
        String text = new String(signed.envelopeBytes(), StandardCharsets.UTF_8);
        String respelledText = text.replaceFirst("\"v\":1(?=[,}])", "\"v\":" + spelling);
        assertThat(respelledText).isNotEqualTo(text);

        SignedEvent respelled = SignedEvent.decode(respelledText.getBytes(StandardCharsets.UTF_8));

        assertThat(respelled.id()).isEqualTo(signed.id());
        assertThatCode(() ->
                        respelled.verifyWith(LEDGER.custodyKey("acme-foods").publicKey()))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangedFieldBreaksTheSignature() {
        ObjectNode envelope = LEDGER.handoff("acme-foods", "fresh-mart", TIN).envelopeJson();
        ((ObjectNode) envelope.get("event")).put("to", "fake-mart");

        SignedEvent tampered = SignedEvent.decode(envelope.toString().getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() ->
                        tampered.verifyWith(LEDGER.custodyKey("acme-foods").publicKey()))
                .isInstanceOf(SignatureInvalidException.class);
    }

    @Test
    void aSignatureThatVerifiedUnderOneKeyStillFailsUnderAnother() throws Exception {
        SignedEvent signed = SignedEvent.decode(
                LEDGER.handoff("acme-foods", "fresh-mart", TIN).envelopeBytes());
        signed.verifyWith(LEDGER.custodyKey("acme-foods").publicKey());

        assertThatThrownBy(
                        () -> signed.verifyWith(LEDGER.custodyKey("fresh-mart").publicKey()))
                .isInstanceOf(SignatureInvalidException.class);
        assertThatCode(() -> signed.verifyWith(LEDGER.custodyKey("acme-foods").publicKey()))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> malformations() {
        return Stream.of(
                Arguments.of(
                        "unknown field",
                        (Consumer<ObjectNode>) e -> e.put("colour", "red"),
                        "unknown field 'event.colour'"),
                Arguments.of("missing field", (Consumer<ObjectNode>) e -> e.remove("to"), "missing field 'event.to'"),
                Arguments.of(
                        "wrong type",
                        (Consumer<ObjectNode>) e -> e.put("units", "01/x"),
                        "'event.units' must be an array"),
                Arguments.of(
                        "number as string",
                        (Consumer<ObjectNode>) e -> e.put("v", "1"),
                        "'event.v' must be a small integer"),
                Arguments.of("version", (Consumer<ObjectNode>) e -> e.put("v", 2), "unsupported event version 2"),
                Arguments.of("unknown type", (Consumer<ObjectNode>) e -> e.put("type", "TELEPORT"), "'event.type'"),
                Arguments.of(
                        "local time",
                        (Consumer<ObjectNode>) e -> e.put("eventTime", "2026-11-28T10:15:30+01:00"),
                        "'event.eventTime'"),
                Arguments.of("short nonce", (Consumer<ObjectNode>) e -> e.put("nonce", "abc"), "'event.nonce'"),
                Arguments.of(
                        "bad unit",
                        (Consumer<ObjectNode>) e -> e.putArray("units").add("01/09506000134353/21/X"),
                        "check digit"),
                Arguments.of(
                        "repeated unit",
                        (Consumer<ObjectNode>)
                                e -> e.putArray("units").add(TIN.path()).add(TIN.path()),
                        "units repeat"),
                Arguments.of("self handoff", (Consumer<ObjectNode>) e -> e.put("to", "acme-foods"), "itself"),
                Arguments.of("bad party id", (Consumer<ObjectNode>) e -> e.put("to", "Fresh Mart"), "'event.to'"),
                Arguments.of(
                        "too many units",
                        (Consumer<ObjectNode>) e -> {
                            var units = e.putArray("units");
                            for (int i = 0; i <= CustodyEvent.MAX_UNITS; i++) {
                                units.add("01/09506000134352/21/S" + i);
                            }
                        },
                        "more than 10000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformations")
    void malformedEventsAreRefusedWithAMessageNamingTheField(String name, Consumer<ObjectNode> change, String message) {
        ObjectNode envelope = LEDGER.handoff("acme-foods", "fresh-mart", TIN).envelopeJson();
        change.accept((ObjectNode) envelope.get("event"));

        assertThatThrownBy(() -> SignedEvent.decode(envelope.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(message);
    }

    @Test
    void malformedEnvelopesAreRefused() {
        ObjectNode envelope = LEDGER.handoff("acme-foods", "fresh-mart", TIN).envelopeJson();
        envelope.put("extra", 1);
        assertThatThrownBy(() -> SignedEvent.decode(envelope.toString().getBytes()))
                .hasMessageContaining("unknown field 'extra'");
        envelope.remove("extra");
        envelope.put("sig", "AAAA");
        assertThatThrownBy(() -> SignedEvent.decode(envelope.toString().getBytes()))
                .hasMessageContaining("64-byte");
        assertThatThrownBy(() -> SignedEvent.decode("[]".getBytes())).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SignedEvent.decode(new byte[SignedEvent.MAX_ENVELOPE_BYTES + 1]))
                .hasMessageContaining("larger");
        assertThatThrownBy(() -> SignedEvent.decode("{\"event\":{},\"sig\":\"x\"".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void signingWithAKeyOtherThanTheNamedOneIsAProgrammingError() {
        var header = LEDGER.header(EventType.RECEIVE, "fresh-mart");
        var event = new CustodyEvent.Receive(header, List.of(TIN));
        assertThatThrownBy(() -> SignedEvent.sign(event, TestLedger.key("someone-else")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
