package dev.custodyledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.custodyledger.core.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void rfc8785ReferenceInputsCanonicalizeToTheReferenceBytes(String name) throws IOException {
        byte[] input = Files.readAllBytes(Vectors.file("jcs/input/" + name + ".json"));
        byte[] expected = Files.readAllBytes(Vectors.file("jcs/output/" + name + ".json"));

        assertThat(new String(CanonicalJson.bytes(StrictJson.parse(input)), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @Test
    void numbersSerializeAsEcmaScriptDoes() throws IOException {
        int checked = 0;
        for (String file : List.of("rfc8785-appendix-b.csv", "extra-bit-patterns.csv", "es6testfile-sample.txt")) {
            for (String line : Files.readAllLines(Vectors.file("jcs/numbers/" + file))) {
                String[] cols = line.split(",");
                if (!cols[0].matches("[0-9a-fA-F]{16}")) {
                    continue;
                }
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(cols[0], 16));
                if (cols.length < 2 || cols[1].isEmpty()) {
                    assertThatThrownBy(() -> CanonicalJson.text(DoubleNode.valueOf(value)))
                            .isInstanceOf(JsonFormatException.class);
                } else {
                    assertThat(CanonicalJson.text(DoubleNode.valueOf(value)))
                            .as(line)
                            .isEqualTo(cols[1]);
                }
                checked++;
            }
        }
        for (String line : Files.readAllLines(Vectors.file("jcs/numbers/decimal-text-to-canonical.csv"))
                .subList(1, 25)) {
            String[] cols = line.split(",");
            assertThat(CanonicalJson.text(StrictJson.parse(cols[0].getBytes(StandardCharsets.US_ASCII))))
                    .as(line)
                    .isEqualTo(cols[1]);
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void strictParsingRefusesDuplicatesTrailingDataDeepNestingAndBadUtf8() {
        assertThatThrownBy(() -> StrictJson.parse("{\"a\":1,\"a\":2}".getBytes()))
                .isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> StrictJson.parse("{} {}".getBytes())).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> StrictJson.parse("[".repeat(40).getBytes())).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
                .isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> CanonicalJson.bytes(StrictJson.parse("\"\\ud800\"".getBytes())))
                .isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> CanonicalJson.bytes(StrictJson.parse("1e400".getBytes())))
                .isInstanceOf(JsonFormatException.class);
    }
}
