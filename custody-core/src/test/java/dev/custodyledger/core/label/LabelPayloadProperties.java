package dev.custodyledger.core.label;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.core.verdict.LabelCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LabelPayloadProperties {
    @Property
    void everySerialIsTwelveCrockfordCharactersThatAreAValidGs1Serial(@ForAll long seed) {
        String serial = LabelSerials.next(new Random(seed)).value();

        assertThat(serial).hasSize(12).matches("[0-9A-HJKMNP-TV-Z]{12}");
    }

    @Test
    void serialsDrawnFromTheSameSourceAreDistinctAndNotInSequence() {
        var random = new Random(7);
        var seen = new HashSet<String>();
        String previous = null;
        int adjacent = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = LabelSerials.next(random).value();
            assertThat(seen.add(s)).as("serial %s repeated", s).isTrue();
            if (previous != null && previous.substring(0, 11).equals(s.substring(0, 11))) {
                adjacent++;
            }
            previous = s;
        }
        assertThat(adjacent).as("consecutive serials sharing 11 characters").isLessThan(3);
    }

    @Test
    void aMillionLabelsAreFarBelowTheFalsifiedMedicinesDirectivesGuessBound() {
        assertThat(LabelSerials.guessProbability(1_000_000)).isLessThan(1e-9).isLessThan(1.0 / 10_000);
    }

    @Property(tries = 200)
    void aSignedPayloadReadsBackAsTheSameCodeWithAValidSignature(
            @ForAll("serials") String serial, @ForAll("lots") String lot) {
        var item = new ItemCode(gtin("9506000", 17), new dev.custodyledger.core.gs1.Serial(serial));
        var payload = LabelPayload.sign(TestLedger.key("label"), item, Lot.of(lot), new Yymmdd("281130"));

        ScannedCode scanned = ScannedCode.parse(payload.uri("https://id.example.com/"));

        assertThat(scanned.unit()).isEqualTo(item);
        assertThat(scanned.lot()).isEqualTo(Lot.of(lot));
        assertThat(scanned.expiry()).isEqualTo(new Yymmdd("281130"));
        assertThat(LabelCheck.of(scanned, List.of(TestLedger.key("label").publicKey())))
                .isEqualTo(LabelCheck.VALID);
    }

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.longs()
                .map(seed -> LabelSerials.next(new Random(seed)).value());
    }

    /** Lots use all of CSET 82, including characters a URI must percent-encode. */
    @Provide
    Arbitrary<String> lots() {
        return Arbitraries.strings()
                .withChars("ABCXYZabcxyz0189!\"%&'()*+,-./:;<=>?_")
                .ofMinLength(1)
                .ofMaxLength(20);
    }
}
