package dev.custodyledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    @Test
    void refusesAnOverlongUtf8Form() {
        byte[] overlongSlash = HexFormat.of().parseHex("7b2261223a22c0af227d"); // {"a":"<C0 AF>"}
        assertThatThrownBy(() -> StrictJson.parse(overlongSlash))
                .isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesAnEncodedSurrogate() {
        byte[] cesu = HexFormat.of().parseHex("7b2261223a22eda080227d"); // U+D800 encoded as three bytes
        assertThatThrownBy(() -> StrictJson.parse(cesu)).isInstanceOf(JsonFormatException.class);
    }

    @Test
    void refusesALoneSurrogateEscapeInAValueOrAName() {
        assertThatThrownBy(() -> StrictJson.parse(utf8("{\"a\":\"x\\ud800\"}"))).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> StrictJson.parse(utf8("{\"\\udc00\":1}"))).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> StrictJson.parse(utf8("[[\"\\ud800\\ud800\"]]")))
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void acceptsAPairedSurrogateEscapeAndMultiByteCharacters() {
        assertThat(StrictJson.parse(utf8("{\"a\":\"\\ud83d\\ude00 Café\"}"))
                        .get("a")
                        .textValue())
                .isEqualTo("\uD83D\uDE00 Café");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
