package dev.custodyledger.core.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key (the 32-byte RFC 8032 seed) with its public half. Never printed. */
public final class Ed25519PrivateKey {
    public static final int LENGTH = Ed25519.SECRET_KEY_SIZE;

    private final byte[] seed;
    private final byte[] publicEncoded;
    private final Ed25519PublicKey publicKey;

    private Ed25519PrivateKey(byte[] seed) {
        this.seed = seed;
        this.publicEncoded = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicEncoded, 0);
        this.publicKey = Ed25519PublicKey.of(publicEncoded);
    }

    public static Ed25519PrivateKey of(byte[] seed) {
        if (seed == null || seed.length != LENGTH) {
            throw new KeyFormatException("an Ed25519 private key seed has " + LENGTH + " bytes");
        }
        return new Ed25519PrivateKey(seed.clone());
    }

    public static Ed25519PrivateKey generate(SecureRandom random) {
        byte[] seed = new byte[LENGTH];
        random.nextBytes(seed);
        return new Ed25519PrivateKey(seed);
    }

    public static Ed25519PrivateKey generate() {
        return generate(new SecureRandom());
    }

    /** The deterministic RFC 8032 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicEncoded, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    public KeyId keyId() {
        return publicKey.keyId();
    }

    /** The raw seed, for encoding into PKCS#8; callers must not log or return it. */
    byte[] seed() {
        return seed.clone();
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[" + keyId() + ", secret redacted]";
    }
}
