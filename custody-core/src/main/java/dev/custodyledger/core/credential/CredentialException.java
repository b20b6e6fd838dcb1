package dev.custodyledger.core.credential;

import java.security.GeneralSecurityException;

/** A credential that does not hold: bad signature, wrong issuer, expired, malformed. The message says which. */
public final class CredentialException extends GeneralSecurityException {
    public CredentialException(String message) {
        super(message);
    }
}
