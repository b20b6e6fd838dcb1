package dev.custodyledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032VectorsSignAndVerifyExactly() {
        JsonNode vectors = Vectors.json("ed25519/rfc8032-7.1-ed25519.json").get("vectors");
        assertThat(vectors.size()).isEqualTo(5);
        for (JsonNode v : vectors) {
            var key = Ed25519PrivateKey.of(HEX.parseHex(v.get("secret_key").asText()));
            byte[] message = HEX.parseHex(v.get("message").asText());
            assertThat(HEX.formatHex(key.publicKey().encoded()))
                    .as(v.get("name").asText())
                    .isEqualTo(v.get("public_key").asText());
            assertThat(HEX.formatHex(key.sign(message)))
                    .as(v.get("name").asText())
                    .isEqualTo(v.get("signature").asText());
            assertThatCode(() -> key.publicKey().verify(message, key.sign(message)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void wycheproofEd25519VerdictsAreMatched() {
        assertThat(runWycheproof("ed25519/wycheproof/ed25519_test.json", "publicKey"))
                .isGreaterThan(140);
        assertThat(runWycheproof("ed25519/wycheproof/eddsa_test.json", "key")).isGreaterThan(140);
    }

    /** Every "valid" case verifies; every "invalid" one throws, whether at the key or at the signature. */
    private static int runWycheproof(String file, String keyField) {
        int count = 0;
        for (JsonNode group : Vectors.json(file).get("testGroups")) {
            byte[] pk = HEX.parseHex(group.get(keyField).get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                count++;
                byte[] msg = HEX.parseHex(t.get("msg").asText());
                byte[] sig = HEX.parseHex(t.get("sig").asText());
                String result = t.get("result").asText();
                boolean verified;
                try {
                    Ed25519PublicKey.of(pk).verify(msg, sig);
                    verified = true;
                } catch (SignatureInvalidException | KeyFormatException e) {
                    verified = false;
                }
                if (!result.equals("acceptable")) {
                    assertThat(verified)
                            .as("%s tcId %s (%s)", file, t.get("tcId"), t.get("comment"))
                            .isEqualTo(result.equals("valid"));
                }
            }
        }
        return count;
    }

    @Test
    void aChangedMessageOrSignatureThrows() {
        var key = Ed25519PrivateKey.generate();
        byte[] message = "handoff".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        signature[10] ^= 1;
        assertThatThrownBy(() -> key.publicKey().verify(message, signature))
                .isInstanceOf(SignatureInvalidException.class);
        assertThatThrownBy(() -> key.publicKey().verify(message, new byte[63]))
                .isInstanceOf(SignatureInvalidException.class);
    }

    @Test
    void keysAreLengthCheckedAndNeverPrintTheirSecret() {
        assertThatThrownBy(() -> Ed25519PublicKey.of(new byte[31])).isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> Ed25519PrivateKey.of(new byte[33])).isInstanceOf(KeyFormatException.class);
        var key = Ed25519PrivateKey.of(new byte[32]);
        assertThat(key.toString()).contains("redacted").doesNotContain("0000000000");
    }

    @Test
    void theKeyIdIsDerivedFromThePublicKey() {
        var key = Ed25519PrivateKey.of(new byte[32]);
        assertThat(key.keyId().value()).matches("ed25519:[0-9a-f]{32}");
        assertThat(Ed25519PublicKey.of(key.publicKey().encoded()).keyId()).isEqualTo(key.keyId());
        assertThat(Ed25519PrivateKey.generate().keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void pemRoundTripsPlainAndEncryptedAndRefusesAWrongPassphrase() {
        var key = Ed25519PrivateKey.generate();
        char[] passphrase = "correct horse battery staple".toCharArray();

        String encrypted = KeyPem.encryptedPrivateKey(key, passphrase, 10_000);
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(KeyPem.parsePrivateKey(encrypted, passphrase).keyId()).isEqualTo(key.keyId());
        assertThat(KeyPem.parsePrivateKey(KeyPem.privateKey(key), null).keyId()).isEqualTo(key.keyId());
        assertThat(KeyPem.parsePublicKey(KeyPem.publicKey(key.publicKey()))).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> KeyPem.parsePrivateKey(encrypted, "wrong".toCharArray()))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void everyWrongPassphraseIsReportedAsSuchEvenWhenTheCbcPaddingHappensToBeValid() {
        var key = Ed25519PrivateKey.generate();
        String encrypted = KeyPem.encryptedPrivateKey(key, "right".toCharArray(), 1);
        // About one wrong passphrase in 256 decrypts to valid padding; 3,000 tries meet several of them.
        for (int i = 0; i < 3_000; i++) {
            char[] wrong = ("wrong-" + i).toCharArray();
            assertThatThrownBy(() -> KeyPem.parsePrivateKey(encrypted, wrong))
                    .isInstanceOf(KeyFormatException.class)
                    .hasMessageContaining("passphrase");
        }
    }

    @Test
    void publicKeyPemMatchesTheStandardSpkiEncoding() {
        var key =
                Ed25519PrivateKey.of(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(KeyPem.publicKey(key.publicKey()))
                .isEqualTo(
                        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void base64UrlAcceptsOnlyTheCanonicalEncoding() {
        assertThat(Base64Url.decode("AQI")).containsExactly(1, 2);
        assertThatThrownBy(() -> Base64Url.decode("AQJ")).hasMessageContaining("canonical");
        assertThatThrownBy(() -> Base64Url.decode("AQI=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Url.decode("A+I")).isInstanceOf(IllegalArgumentException.class);
    }
}
