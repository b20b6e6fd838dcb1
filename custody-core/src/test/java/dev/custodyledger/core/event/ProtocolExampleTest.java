package dev.custodyledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Serial;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.label.LabelSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/protocol.md's worked example: every value recomputed from its inputs, and the page shows the same text. */
class ProtocolExampleTest {
    private static final Path DOCS = Path.of("../docs");
    private static JsonNode example;
    private static String page;

    @BeforeAll
    static void read() throws IOException {
        example = StrictJson.parse(Files.readAllBytes(DOCS.resolve("protocol-example.json")));
        page = Files.readString(DOCS.resolve("protocol.md"));
    }

    private static String text(String pointer) {
        return example.at(pointer).textValue();
    }

    private static Ed25519PrivateKey key(String which) {
        return Ed25519PrivateKey.of(HexFormat.of().parseHex(text("/" + which + "/seedHex")));
    }

    @Test
    void theKeysPublicHalvesAndIdsFollowFromTheirSeeds() {
        for (String which : new String[] {"custodyKey", "labelKey"}) {
            Ed25519PrivateKey key = key(which);
            assertThat(key.publicKey().base64Url()).isEqualTo(text("/" + which + "/publicKey"));
            assertThat(key.keyId().value()).isEqualTo(text("/" + which + "/keyId"));
            assertThat(page).contains(text("/" + which + "/publicKey"));
        }
        assertThat(page).contains("keyId      " + text("/custodyKey/keyId"));
    }

    @Test
    void theSubmittedEnvelopeHasTheDocumentedCanonicalBytesIdAndSignature() {
        SignedEvent submitted = SignedEvent.decode(text("/submitted").getBytes(StandardCharsets.UTF_8));

        assertThat(new String(submitted.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(text("/canonicalBytes"));
        assertThat(submitted.id().toString()).isEqualTo(text("/eventId"));
        assertThatCode(() -> submitted.verifyWith(key("custodyKey").publicKey()))
                .doesNotThrowAnyException();
        SignedEvent signedHere = SignedEvent.sign(submitted.event(), key("custodyKey"));
        assertThat(signedHere.signatureBase64Url()).isEqualTo(text("/sig"));

        assertThat(page)
                .contains(text("/submitted"))
                .contains(text("/canonicalBytes"))
                .contains("eventId    " + text("/eventId"))
                .contains("sig        " + text("/sig"));
    }

    @Test
    void theLabelSignatureCoversTheDocumentedBytes() {
        ItemCode item = (ItemCode) UnitCode.parse(text("/label/unit"));
        Lot lot = new Lot(text("/label/lot"));
        Yymmdd expiry = new Yymmdd(text("/label/expiry"));

        assertThat(new String(LabelSignature.signedBytes(item, lot, expiry), StandardCharsets.UTF_8))
                .isEqualTo(text("/label/signedBytes"));
        assertThat(LabelSignature.sign(key("labelKey"), item, lot, expiry)).isEqualTo(text("/label/s"));
        assertThat(page).contains(text("/label/signedBytes")).contains("s=" + text("/label/s"));
    }

    @Test
    void aSerialIsPercentEncodedInTheUnitIdAsDocumented() {
        ItemCode item = new ItemCode(new Gtin("09506000134352"), Serial.of(text("/unitIds/serial")));

        assertThat(item.path()).isEqualTo(text("/unitIds/unit"));
        assertThat(page).contains("`" + text("/unitIds/serial") + "`").contains("`" + text("/unitIds/unit") + "`");
    }
}
