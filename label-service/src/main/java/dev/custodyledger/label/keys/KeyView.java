package dev.custodyledger.label.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import java.time.Instant;

/**
 * The public side of a held key, and whether the ledger knows it. {@code register} is the operator's command
 * that puts it on the ledger; until then nothing it signs is accepted (custody) or verifies (label).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
        String keyId,
        String party,
        String purpose,
        String publicKey,
        String publicKeyPem,
        String origin,
        Instant createdAt,
        LedgerStatus ledgerStatus,
        String register) {

    static KeyView of(ProducerKey key, LedgerStatus ledgerStatus) {
        return new KeyView(
                key.keyId,
                key.party,
                key.purpose,
                key.publicKey,
                KeyPem.publicKey(Ed25519PublicKey.ofBase64Url(key.publicKey)),
                key.origin,
                key.createdAt,
                ledgerStatus,
                ledgerStatus == LedgerStatus.REGISTERED
                        ? null
                        : "custody operator add-key --party " + key.party + " --purpose " + key.purpose
                                + " --public-key " + key.publicKey);
    }
}
