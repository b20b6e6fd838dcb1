package dev.custodyledger.core.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.testing.Vectors;
import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void everyVectorValueHasTheCheckDigitGs1Computes() {
        JsonNode values = Vectors.json("gs1/gtin-sscc-check-digits.json").get("values");
        assertThat(values.size()).isGreaterThan(40);
        for (JsonNode v : values) {
            String value = v.get("value").asText();
            int expected = v.get("expected_check_digit").asInt();
            assertThat(CheckDigit.compute(value.substring(0, value.length() - 1)))
                    .as(value)
                    .isEqualTo(expected);
            boolean valid = v.get("check_digit_valid").asBoolean();
            if (value.length() == 14) {
                assertThat(accepts(() -> new Gtin(value))).as("GTIN %s", value).isEqualTo(valid);
            } else if (value.length() == 18) {
                assertThat(accepts(() -> new Sscc(value))).as("SSCC %s", value).isEqualTo(valid);
            }
        }
    }

    @Test
    void aWrongCheckDigitIsNamedAsSuch() {
        assertThatThrownBy(() -> new Gtin("09506000134353"))
                .isInstanceOf(Gs1SyntaxException.class)
                .extracting(e -> ((Gs1SyntaxException) e).error())
                .isEqualTo(Gs1Error.CHECK_DIGIT);
    }

    @Test
    void lengthAndCharactersAreCheckedBeforeTheCheckDigit() {
        assertThatThrownBy(() -> new Gtin("9506000134352")).hasMessageContaining("14 digits");
        assertThatThrownBy(() -> new Sscc("10614141123456789X")).hasMessageContaining("digits only");
    }

    @Test
    void aCompanyPrefixOwnsTheGtinsAndSsccsThatCarryIt() {
        var prefix = new CompanyPrefix("9506000");
        assertThat(prefix.owns(new Gtin("09506000134352"))).isTrue();
        assertThat(prefix.owns(new Gtin("19506000134359")))
                .as("any indicator digit")
                .isTrue();
        assertThat(new CompanyPrefix("950600").owns(new Gtin("09506000134352"))).isTrue();
        assertThat(new CompanyPrefix("9506001").owns(new Gtin("09506000134352")))
                .isFalse();
        assertThat(prefix.overlaps(new CompanyPrefix("95060001"))).isTrue();
        assertThat(prefix.overlaps(new CompanyPrefix("9506001"))).isFalse();
    }

    @Test
    void serialsKeepTheirCaseAndRefuseCharactersOutsideCset82() {
        assertThat(new Serial("abcXYZ")).isNotEqualTo(new Serial("ABCXYZ"));
        assertThatThrownBy(() -> new Serial("AB CD")).hasMessageContaining("CSET 82");
        assertThatThrownBy(() -> new Serial("A".repeat(21))).hasMessageContaining("at most 20");
    }

    private static boolean accepts(Runnable r) {
        try {
            r.run();
            return true;
        } catch (Gs1SyntaxException e) {
            return false;
        }
    }
}
