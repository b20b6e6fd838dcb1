package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;

/**
 * How the fold treats signatures. A service that verified each signature once at intake may fold its own
 * topic with {@link #VERIFIED_UPSTREAM}; auditors and scan-service use {@link #VERIFY}. Key existence, owner,
 * purpose and revocation are checked by the fold in both cases.
 */
@FunctionalInterface
public interface SignatureCheck {
    SignatureCheck VERIFY = SignedEvent::verifyWith;

    SignatureCheck VERIFIED_UPSTREAM = (event, key) -> {};

    void check(SignedEvent event, Ed25519PublicKey key) throws SignatureInvalidException;
}
