package dev.custodyledger.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartyCredentialTest {
    static final Ed25519PrivateKey OPERATOR = Ed25519PrivateKey.generate();
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static PartyCredential credential(Duration lifetime) {
        return new PartyCredential(PartyId.of("acme-foods"), List.of(Role.PRODUCER), NOW, NOW.plus(lifetime), "c-1");
    }

    @Test
    void aCredentialSignedByTheOperatorVerifiesWhileValid() throws Exception {
        String token = credential(Duration.ofHours(1)).sign(OPERATOR);
        PartyCredential verified = PartyCredential.verify(token, OPERATOR.publicKey(), NOW.plusSeconds(600));
        assertThat(verified.party().value()).isEqualTo("acme-foods");
        assertThat(verified.roles()).containsExactly(Role.PRODUCER);
    }

    @Test
    void expiredForgedTamperedOrForeignCredentialsAreRefused() {
        String token = credential(Duration.ofHours(1)).sign(OPERATOR);
        assertThatThrownBy(() -> PartyCredential.verify(token, OPERATOR.publicKey(), NOW.plus(Duration.ofHours(2))))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> PartyCredential.verify(
                        token, Ed25519PrivateKey.generate().publicKey(), NOW))
                .hasMessageContaining("operator key");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThatThrownBy(() -> PartyCredential.verify(tampered, OPERATOR.publicKey(), NOW))
                .isInstanceOf(CredentialException.class);
        String unsigned = parts[0].replace(parts[0], "eyJhbGciOiJub25lIn0") + "." + parts[1] + ".";
        assertThatThrownBy(() -> PartyCredential.verify(unsigned, OPERATOR.publicKey(), NOW))
                .isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> PartyCredential.verify("x.y", OPERATOR.publicKey(), NOW))
                .hasMessageContaining("three parts");
    }

    @Test
    void aCredentialCannotOutliveTheMaximum() {
        assertThatThrownBy(() -> credential(Duration.ofHours(25))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Pinned when the JOSE work moved to jose4j: the same claims and key give the same bytes as before. */
    @Test
    void theSameClaimsAndKeyGiveTheSameTokenAsEver() throws Exception {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (7 * i);
        }
        var credential = new PartyCredential(
                PartyId.of("acme-foods"),
                List.of(Role.PRODUCER, Role.RETAILER),
                Instant.ofEpochSecond(1764000000),
                Instant.ofEpochSecond(1764003600),
                "jti-123");
        String token = credential.sign(Ed25519PrivateKey.of(seed));

        assertThat(token)
                .isEqualTo(
                        "eyJhbGciOiJFZERTQSIsImtpZCI6ImVkMjU1MTk6OTIxMmNjODc0OGExZGFiMjgxYzBkMGY4NGU1MjZkYTEiLCJ0eXAiOiJKV1QifQ.eyJleHAiOjE3NjQwMDM2MDAsImlhdCI6MTc2NDAwMDAwMCwiaXNzIjoiY3VzdG9keS1sZWRnZXItb3BlcmF0b3IiLCJqdGkiOiJqdGktMTIzIiwicm9sZXMiOlsicHJvZHVjZXIiLCJyZXRhaWxlciJdLCJzdWIiOiJhY21lLWZvb2RzIn0.h9GiMnuSXU4CgwkPeCbhGaBbZ98RZvnjvlcXQn0OlqK6jjP1zyDUOsG2FaLP2irzCYz0w8LMIIbAiIvwTqwDDg");
        assertThat(PartyCredential.verify(
                        token, Ed25519PrivateKey.of(seed).publicKey(), Instant.ofEpochSecond(1764000100)))
                .isEqualTo(credential);
    }
}
