package dev.custodyledger.core.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitalLinkTest {
    private static final Set<String> OUR_AIS = Set.of("00", "01", "10", "17", "21");

    @Test
    void theFullLabelFormParsesIntoUnitLotExpiryAndSignature() {
        ScannedCode code =
                DigitalLink.parse("https://id.example.com/01/09506000134352/10/L2611/21/7Q2K9X4MZ3?17=280630&s=AbC_-1");

        assertThat(code.unit()).isEqualTo(new ItemCode(new Gtin("09506000134352"), new Serial("7Q2K9X4MZ3")));
        assertThat(code.lot()).isEqualTo(new Lot("L2611"));
        assertThat(code.expiry()).isEqualTo(new Yymmdd("280630"));
        assertThat(code.labelSignature()).isEqualTo("AbC_-1");
    }

    @Test
    void aPathWithoutHostAndAStemBeforeTheKeyBothParse() {
        assertThat(DigitalLink.parse("/01/09506000134352/21/X1").unit().path()).isEqualTo("01/09506000134352/21/X1");
        assertThat(DigitalLink.parse("01/09506000134352/21/X1").unit().path()).isEqualTo("01/09506000134352/21/X1");
        assertThat(DigitalLink.parse("https://brand.example/products/01/09506000134352/21/X1")
                        .unit()
                        .path())
                .isEqualTo("01/09506000134352/21/X1");
        assertThat(DigitalLink.parse("HTTPS://a/00/106141411234567897").unit()).isInstanceOf(ContainerCode.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://a/01/09506000134352/21/X1/10/L1 | KEY_ORDER",
                "https://a/01/09506000134353/21/X1 | CHECK_DIGIT",
                "https://a/01/09506000134352 | NOT_SERIALISED",
                "https://a/01/09506000134352/21/X1?17=281399 | DATE",
                "https://a/01/09506000134352/21/X1?17=280101&17=280102 | DUPLICATE_AI",
                "https://a/01/09506000134352/21/X1?10=L1 | KEY_ORDER",
                "https://a/01/09506000134352/22/V1/21/X1 | UNSUPPORTED_AI",
                "https://a/01/09506000134352/21/X1/ | SYNTAX",
                "https://a/01/09506000134352/21/ | SYNTAX",
                "https://a/ | SYNTAX",
                "https://a/01/09506000134352/21/A%2 | SYNTAX",
                "https://a/01/09506000134352/21/A B | CHARACTER_SET",
                "https://a/01/09506000134352/21/A%00B | CHARACTER_SET",
                "ftp://a/01/09506000134352/21/X1 | SYNTAX"
            })
    void malformedLinksSayWhatIsWrong(String uri, Gs1Error expected) {
        assertThatThrownBy(() -> DigitalLink.parse(uri))
                .isInstanceOf(Gs1SyntaxException.class)
                .extracting(e -> ((Gs1SyntaxException) e).error())
                .isEqualTo(expected);
    }

    @Test
    void formattingPercentEncodesAndParsingGivesBackTheSameCode() {
        var item = new ItemCode(new Gtin("09506000134352"), new Serial("A/B%C&d'1"));
        String uri = DigitalLink.format("https://id.example.com/", item, new Lot("L+1"), new Yymmdd("280600"));

        assertThat(uri).isEqualTo("https://id.example.com/01/09506000134352/10/L%2B1/21/A%2FB%25C%26d%271?17=280600");
        ScannedCode back = DigitalLink.parse(uri);
        assertThat(back.unit()).isEqualTo(item);
        assertThat(back.lot()).isEqualTo(new Lot("L+1"));
    }

    /**
     * The gs1-syntax-engine cases that use only the AIs this ledger supports (00, 01, 10, 17, 21) and default
     * options: valid ones must parse to the same values, invalid ones must be refused.
     */
    @Test
    void agreesWithTheGs1SyntaxEngineOnEveryApplicableCase() {
        JsonNode cases = Vectors.json("gs1/gs1-syntax-engine/dl-uri-parse.json").get("cases");
        int checked = 0;
        List<String> disagreements = new ArrayList<>();
        for (JsonNode c : cases) {
            if (c.hasNonNull("options") && !c.get("options").isEmpty()) {
                continue;
            }
            String input = c.get("input").asText();
            boolean valid = c.get("valid").asBoolean();
            if (valid) {
                var ais = elements(c.get("expected").asText());
                if (!OUR_AIS.containsAll(ais.stream().map(a -> a[0]).toList())) {
                    continue;
                }
                boolean serialised = ais.stream().anyMatch(a -> a[0].equals("21") || a[0].equals("00"));
                if (!serialised) {
                    continue;
                }
                checked++;
                try {
                    ScannedCode code = DigitalLink.parse(input);
                    for (String[] ai : ais) {
                        String actual = switch (ai[0]) {
                            case "00" -> ((ContainerCode) code.unit()).sscc().value();
                            case "01" -> ((ItemCode) code.unit()).gtin().value();
                            case "21" -> ((ItemCode) code.unit()).serial().value();
                            case "10" -> code.lot().value();
                            default -> code.expiry().value();
                        };
                        if (!actual.equals(ai[1])) {
                            disagreements.add(input + ": AI " + ai[0] + " " + actual + " != " + ai[1]);
                        }
                    }
                } catch (Gs1SyntaxException e) {
                    disagreements.add(input + " refused: " + e.getMessage());
                }
            } else if (!input.contains("%00") || true) {
                checked++;
                try {
                    DigitalLink.parse(input);
                    disagreements.add(input + " accepted but the engine refuses it");
                } catch (Gs1SyntaxException expected) {
                    // agreed
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    private static final Pattern AI = Pattern.compile("(00|01|17)(\\d{18}|\\d{14}|\\d{6})|(\\d{2,4})([^^]*)");

    /** Splits an engine element string ({@code ^} is FNC1) into [ai, value] pairs, for the AIs above. */
    static List<String[]> elements(String es) {
        List<String[]> out = new ArrayList<>();
        String s = es.startsWith("^") ? es.substring(1) : es;
        int i = 0;
        while (i < s.length()) {
            String ai = s.substring(i, i + 2);
            int fixed = switch (ai) {
                case "00" -> 18;
                case "01" -> 14;
                case "17" -> 6;
                default -> -1;
            };
            i += 2;
            int end = fixed > 0 ? i + fixed : (s.indexOf('^', i) < 0 ? s.length() : s.indexOf('^', i));
            if (fixed < 0 && !Set.of("10", "21").contains(ai)) {
                out.add(new String[] {"??", ""});
                return out;
            }
            out.add(new String[] {ai, s.substring(i, end)});
            i = end < s.length() && s.charAt(end) == '^' ? end + 1 : end;
        }
        return out;
    }
}
