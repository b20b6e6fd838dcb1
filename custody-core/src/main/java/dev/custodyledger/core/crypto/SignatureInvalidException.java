package dev.custodyledger.core.crypto;

import java.security.GeneralSecurityException;

/** The signature does not verify under the key. Checked, so that no caller can forget the failure. */
public final class SignatureInvalidException extends GeneralSecurityException {
    public SignatureInvalidException(String message) {
        super(message);
    }
}
