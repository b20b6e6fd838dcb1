package dev.custodyledger.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScanTest {
    @Test
    void aCityIsARealPlaceName() {
        for (String city : new String[] {"São Paulo", "Frankfurt (Oder)", "St. John's", "Île-de-France", "京都市"}) {
            assertThat(Scan.requireCity(city)).isEqualTo(city);
        }
        assertThat(Scan.requireCity(null)).isNull();
    }

    @Test
    void markupQuotesAndControlCharactersAreNoCity() {
        for (String city : new String[] {"<script>", "a\"b", "Berlin; drop", "a\u0000b", "", "x".repeat(81)}) {
            assertThatThrownBy(() -> Scan.requireCity(city)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
