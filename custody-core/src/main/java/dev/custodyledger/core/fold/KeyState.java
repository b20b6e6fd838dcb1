package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;

/**
 * A registered key: valid from the record that added it until the record that revoked it. Immutable: a
 * revocation is a new state of it.
 */
public final class KeyState {
    private final PartyId party;
    private final Ed25519PublicKey publicKey;
    private final KeyPurpose purpose;
    private final long addedSeq;
    private final long revokedSeq;
    private final String revocationReason;

    KeyState(PartyId party, Ed25519PublicKey publicKey, KeyPurpose purpose, long addedSeq) {
        this(party, publicKey, purpose, addedSeq, 0, null);
    }

    KeyState(
            PartyId party,
            Ed25519PublicKey publicKey,
            KeyPurpose purpose,
            long addedSeq,
            long revokedSeq,
            String revocationReason) {
        this.party = party;
        this.publicKey = publicKey;
        this.purpose = purpose;
        this.addedSeq = addedSeq;
        this.revokedSeq = revokedSeq;
        this.revocationReason = revocationReason;
    }

    KeyState revoked(long seq, String reason) {
        return new KeyState(party, publicKey, purpose, addedSeq, seq, reason);
    }

    public KeyId keyId() {
        return publicKey.keyId();
    }

    public PartyId party() {
        return party;
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    public KeyPurpose purpose() {
        return purpose;
    }

    public long addedSeq() {
        return addedSeq;
    }

    public boolean revoked() {
        return revokedSeq > 0;
    }

    public long revokedSeq() {
        return revokedSeq;
    }

    public String revocationReason() {
        return revocationReason;
    }
}
