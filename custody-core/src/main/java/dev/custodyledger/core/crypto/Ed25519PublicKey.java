package dev.custodyledger.core.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An immutable Ed25519 public key (RFC 8032), validated and decoded once. Verification goes through
 * BouncyCastle's lightweight API, which is several times faster here than the JDK provider.
 */
public final class Ed25519PublicKey {
    public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;

    private final byte[] encoded;
    private final Ed25519.PublicPoint point;
    private final KeyId keyId;

    private Ed25519PublicKey(byte[] encoded, Ed25519.PublicPoint point) {
        this.encoded = encoded;
        this.point = point;
        this.keyId = KeyId.derive(encoded);
    }

    /** The 32-byte encoding; refuses other lengths and points that are not valid, full-order public keys. */
    public static Ed25519PublicKey of(byte[] encoded) {
        if (encoded == null || encoded.length != LENGTH) {
            throw new KeyFormatException("an Ed25519 public key has " + LENGTH + " bytes");
        }
        byte[] copy = encoded.clone();
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
        if (point == null) {
            throw new KeyFormatException("not a valid Ed25519 public key");
        }
        return new Ed25519PublicKey(copy, point);
    }

    public static Ed25519PublicKey ofBase64Url(String text) {
        try {
            return of(Base64Url.decode(text));
        } catch (KeyFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("public key is not base64url");
        }
    }

    /**
     * Verifies {@code signature} over {@code message}; throws on any mismatch, including a signature of the
     * wrong length or with a non-canonical S.
     */
    public void verify(byte[] message, byte[] signature) throws SignatureInvalidException {
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new SignatureInvalidException("an Ed25519 signature has " + Ed25519.SIGNATURE_SIZE + " bytes");
        }
        if (!Ed25519.verify(signature, 0, point, message, 0, message.length)) {
            throw new SignatureInvalidException("signature does not verify under key " + keyId);
        }
    }

    public KeyId keyId() {
        return keyId;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public String base64Url() {
        return Base64Url.encode(encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + keyId + "]";
    }
}
