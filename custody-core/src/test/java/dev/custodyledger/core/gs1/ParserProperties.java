package dev.custodyledger.core.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.MalformedEventException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.testing.TestLedger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parsers never throw anything but their typed errors, on arbitrary input and on mutations of valid input. */
class ParserProperties {
    static final String LINK = "https://id.example.com/01/09506000134352/10/L2611/21/7Q2K9X4MZ3?17=280630&s=AbC_-1";
    static final String ELEMENTS = "(01)09506000134352(17)280630(10)L2611(21)7Q2K9X4MZ3";
    static final byte[] ENVELOPE = new TestLedger()
            .handoff("acme-foods", "fresh-mart", UnitCode.parse("01/09506000134352/21/7Q2K9X4MZ3"))
            .envelopeBytes();

    @Property(tries = 3000)
    void codeParsersThrowOnlyTypedErrorsOnAnyText(@ForAll("codes") String text) {
        try {
            ScannedCode code = ScannedCode.parse(text);
            assertThat(code.unit()).isNotNull();
        } catch (Gs1SyntaxException expected) {
            assertThat(expected.error()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
        }
        try {
            UnitCode.parse(text);
        } catch (Gs1SyntaxException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 3000)
    void envelopeDecodingThrowsOnlyMalformedOnMutatedBytes(@ForAll("envelopes") byte[] bytes) {
        try {
            SignedEvent.decode(bytes);
        } catch (MalformedEventException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void aUnitIdHasFourSegmentsAndOneSpellingWhateverItsSerial(@ForAll("serials") String serial) {
        ItemCode item = new ItemCode(new Gtin("09506000134352"), Serial.of(serial));

        assertThat(item.path().split("/", -1)).hasSize(4);
        assertThat(UnitCode.parse(item.path())).isEqualTo(item);
        if (!item.path().endsWith("/" + serial)) {
            // The raw spelling is refused, or (when it happens to be another serial's encoding) is that unit.
            String raw = "01/09506000134352/21/" + serial;
            try {
                assertThat(UnitCode.parse(raw)).isNotEqualTo(item);
            } catch (Gs1SyntaxException refused) {
                assertThat(refused.error()).isIn(Gs1Error.SYNTAX, Gs1Error.CHARACTER_SET, Gs1Error.LENGTH);
            }
        }
    }

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.strings()
                .withChars("!\"%&'()*+,-./:;<=>?_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                .ofMinLength(1)
                .ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> codes() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(120);
        Arbitrary<String> mutatedLink = mutations(LINK);
        Arbitrary<String> mutatedElements = mutations(ELEMENTS);
        return Arbitraries.oneOf(anything, mutatedLink, mutatedElements);
    }

    @Provide
    Arbitrary<byte[]> envelopes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> mutated = Arbitraries.integers()
                .between(0, ENVELOPE.length - 1)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes()
                        .array(byte[].class)
                        .ofSize(positions.size())
                        .map(values -> {
                            byte[] copy = ENVELOPE.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                copy[positions.get(i)] = values[i];
                            }
                            return copy;
                        }));
        Arbitrary<byte[]> truncated =
                Arbitraries.integers().between(0, ENVELOPE.length).map(n -> java.util.Arrays.copyOf(ENVELOPE, n));
        return Arbitraries.oneOf(random, mutated, truncated);
    }

    private static Arbitrary<String> mutations(String valid) {
        return Arbitraries.integers()
                .between(0, valid.length() - 1)
                .flatMap(at -> Arbitraries.chars()
                        .all()
                        .flatMap(c -> Arbitraries.of(
                                valid.substring(0, at) + c + valid.substring(at),
                                valid.substring(0, at) + valid.substring(at + 1),
                                valid.substring(0, at) + c + valid.substring(at + 1),
                                valid.substring(0, at))));
    }
}
