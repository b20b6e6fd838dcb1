package dev.custodyledger.core.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.testing.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementStringTest {
    private static final ItemCode ITEM = new ItemCode(new Gtin("09506000134352"), new Serial("7Q2K9X4MZ3"));

    @Test
    void bracketedAndScannerFormsGiveTheSameCode() {
        ScannedCode bracketed = ElementString.parse("(01)09506000134352(17)280630(10)L2611(21)7Q2K9X4MZ3");
        ScannedCode scanner = ElementString.parse("]d2010950600013435217280630" + "10L2611\u001D217Q2K9X4MZ3\r\n");
        ScannedCode caret = ElementString.parse("^010950600013435217280630" + "10L2611^217Q2K9X4MZ3");

        for (ScannedCode code : List.of(bracketed, scanner, caret)) {
            assertThat(code.unit()).isEqualTo(ITEM);
            assertThat(code.lot()).isEqualTo(new Lot("L2611"));
            assertThat(code.expiry()).isEqualTo(new Yymmdd("280630"));
        }
    }

    @Test
    void scannedCodeDetectsWhichFormItWasGiven() {
        assertThat(ScannedCode.parse("(01)09506000134352(21)7Q2K9X4MZ3").unit()).isEqualTo(ITEM);
        assertThat(ScannedCode.parse("01095060001343522" + "17Q2K9X4MZ3").unit())
                .isEqualTo(ITEM);
        assertThat(ScannedCode.parse("https://x.example/01/09506000134352/21/7Q2K9X4MZ3")
                        .unit())
                .isEqualTo(ITEM);
        assertThat(ScannedCode.parse("(00)106141411234567897").unit()).isInstanceOf(ContainerCode.class);
    }

    @Test
    void unsupportedRepeatedOrTruncatedDataIsRefusedWithItsReason() {
        assertThat(error("(01)09506000134352(21)X(21)Y")).isEqualTo(Gs1Error.DUPLICATE_AI);
        assertThat(error("(01)09506000134352(3103)000195(21)X")).isEqualTo(Gs1Error.UNSUPPORTED_AI);
        assertThat(error("0109506000134")).isEqualTo(Gs1Error.LENGTH);
        assertThat(error("(01)09506000134352")).isEqualTo(Gs1Error.NOT_SERIALISED);
        assertThat(error("(01)09506000134352(21)X(00)106141411234567897")).isEqualTo(Gs1Error.SYNTAX);
        assertThat(error("(01)09506000134352(21)X(17)281301")).isEqualTo(Gs1Error.DATE);
        assertThat(error("")).isEqualTo(Gs1Error.EMPTY);
    }

    /** gs1-syntax-engine's bracketed-parse cases restricted to our AIs: same values in unbracketed form. */
    @Test
    void agreesWithTheGs1SyntaxEngineOnBracketedInputOfOurAis() {
        JsonNode cases =
                Vectors.json("gs1/gs1-syntax-engine/ai-bracketed-parse.json").get("cases");
        int checked = 0;
        for (JsonNode c : cases) {
            String input = c.get("input").asText();
            if (!c.get("valid").asBoolean()
                    || !input.matches("(\\((00|01|10|17|21)\\)[^(]+)+")
                    || !input.contains("(21)") && !input.contains("(00)")) {
                continue;
            }
            checked++;
            ScannedCode fromBrackets = ElementString.parse(input);
            ScannedCode fromEngineOutput = ElementString.parse(c.get("expected").asText());
            assertThat(fromBrackets).as(input).isEqualTo(fromEngineOutput);
        }
        assertThat(checked).as("applicable cases").isGreaterThanOrEqualTo(0);
    }

    private static Gs1Error error(String text) {
        try {
            ScannedCode.parse(text);
        } catch (Gs1SyntaxException e) {
            return e.error();
        }
        assertThatThrownBy(() -> {}).as("expected a Gs1SyntaxException for " + text);
        return null;
    }
}
