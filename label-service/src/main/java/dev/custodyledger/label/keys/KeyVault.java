package dev.custodyledger.label.keys;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.label.config.LabelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps producer keys encrypted at rest under the configured passphrase (PBES2: PBKDF2-HMAC-SHA256, AES-256),
 * and opened keys in memory only, because deriving the key-encryption key is deliberately slow.
 */
@ApplicationScoped
public class KeyVault {
    private static final int MIN_PASSPHRASE = 16;

    private final char[] passphrase;
    private final Map<String, Ed25519PrivateKey> opened = new ConcurrentHashMap<>();

    KeyVault(LabelConfig config) {
        String secret = config.keys().passphrase();
        if (secret == null || secret.length() < MIN_PASSPHRASE) {
            throw new IllegalStateException("custody.keys.passphrase (CUSTODY_KEYS_PASSPHRASE) must have at least "
                    + MIN_PASSPHRASE + " characters");
        }
        this.passphrase = secret.toCharArray();
    }

    /** The encrypted PKCS#8 PEM to store; slow on purpose (run it off the event loop). */
    public String seal(Ed25519PrivateKey key) {
        String pem = KeyPem.encryptedPrivateKey(key, passphrase);
        opened.put(key.keyId().value(), key);
        return pem;
    }

    /** The private key of a stored row, decrypted once per process; slow the first time. */
    public Ed25519PrivateKey open(ProducerKey row) {
        return opened.computeIfAbsent(row.keyId, id -> KeyPem.parsePrivateKey(row.encryptedPem, passphrase));
    }
}
