package dev.custodyledger.core.crypto;

import java.util.regex.Pattern;

/**
 * The identifier of a public key, derived from it: {@code ed25519:} + the first 16 bytes of SHA-256(public key)
 * in hex. Deriving it means a key id can never be rebound to other key material.
 */
public record KeyId(String value) {
    private static final Pattern FORMAT = Pattern.compile("ed25519:[0-9a-f]{32}");

    public KeyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a key id is 'ed25519:' followed by 32 lowercase hex digits");
        }
    }

    static KeyId derive(byte[] publicKey) {
        byte[] hash = Sha256.hash(publicKey);
        return new KeyId("ed25519:" + Sha256.hex(java.util.Arrays.copyOf(hash, 16)));
    }

    @Override
    public String toString() {
        return value;
    }
}
