package dev.custodyledger.core.label;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.core.verdict.LabelCheck;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LabelSignatureProperties {
    static final ItemCode BOTTLE = item(gtin("9506000", 1), "K7Q2M9X4T1ZB");
    static final Lot LOT = Lot.of("L2026-11");
    static final Yymmdd EXPIRY = new Yymmdd("281130");
    static final String URI =
            "https://id.example/01/" + BOTTLE.gtin().value() + "/10/L2026-11/21/K7Q2M9X4T1ZB?17=281130";

    @Test
    void aLabelSignedByTheBrandsLabelKeyVerifiesFromTheScannedUri() {
        String s = LabelSignature.sign(TestLedger.key("label"), BOTTLE, LOT, EXPIRY);
        ScannedCode scanned = ScannedCode.parse(URI + "&s=" + s);

        assertThat(s).hasSize(86);
        assertThat(LabelCheck.of(
                        scanned,
                        List.of(
                                TestLedger.key("old-label").publicKey(),
                                TestLedger.key("label").publicKey())))
                .as("any of the brand's label keys")
                .isEqualTo(LabelCheck.VALID);
        assertThat(LabelCheck.of(scanned, List.of(TestLedger.key("someone-else").publicKey())))
                .isEqualTo(LabelCheck.INVALID);
        assertThat(LabelCheck.of(ScannedCode.parse(URI), List.of())).isEqualTo(LabelCheck.NOT_SIGNED);
    }

    @Test
    void theSignedBytesNameEveryFieldOnce() {
        assertThat(new String(LabelSignature.signedBytes(BOTTLE, LOT, EXPIRY)))
                .isEqualTo("custody-label/v1\n01" + BOTTLE.gtin().value() + "\n10L2026-11\n21K7Q2M9X4T1ZB\n17281130");
    }

    @Property(tries = 300)
    void changingOneCharacterOfTheSignatureFailsIt(@ForAll @IntRange(min = 0, max = 85) int position) {
        String s = LabelSignature.sign(TestLedger.key("label"), BOTTLE, LOT, EXPIRY);
        char replaced = s.charAt(position) == 'A' ? 'B' : 'A';
        String tampered = s.substring(0, position) + replaced + s.substring(position + 1);

        assertThatThrownBy(
                        () -> LabelSignature.verify(TestLedger.key("label").publicKey(), BOTTLE, LOT, EXPIRY, tampered))
                .isInstanceOf(SignatureInvalidException.class);
    }

    @Property(tries = 300)
    void aSignatureDoesNotCarryOverToAnotherSerial(@ForAll @StringLength(min = 1, max = 20) String serialSeed) {
        String serial = "S" + Integer.toHexString(serialSeed.hashCode()).toUpperCase();
        ItemCode other = item(BOTTLE.gtin(), serial);
        String s = LabelSignature.sign(TestLedger.key("label"), BOTTLE, LOT, EXPIRY);

        if (other.equals(BOTTLE)) {
            assertThatCode(() -> LabelSignature.verify(TestLedger.key("label").publicKey(), other, LOT, EXPIRY, s))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(
                            () -> LabelSignature.verify(TestLedger.key("label").publicKey(), other, LOT, EXPIRY, s))
                    .isInstanceOf(SignatureInvalidException.class);
        }
    }
}
