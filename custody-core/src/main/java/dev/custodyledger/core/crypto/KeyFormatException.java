package dev.custodyledger.core.crypto;

/** Key material that is not a valid Ed25519 key in the expected encoding, or a wrong passphrase. */
public final class KeyFormatException extends IllegalArgumentException {
    public KeyFormatException(String message) {
        super(message);
    }
}
