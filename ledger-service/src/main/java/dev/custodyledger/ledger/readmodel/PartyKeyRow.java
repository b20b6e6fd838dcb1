package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.fold.Table;

/** A party's key and the ledger positions it is valid between. */
public record PartyKeyRow(
        String keyId,
        String partyId,
        String publicKey,
        String purpose,
        long addedSeq,
        long revokedSeq,
        String revocationReason) {

    public static final Table<PartyKeyRow> TABLE = new Table<>("party_key", PartyKeyRow.class);

    static PartyKeyRow of(KeyState k) {
        return new PartyKeyRow(
                k.keyId().value(),
                k.party().value(),
                k.publicKey().base64Url(),
                k.purpose().wire(),
                k.addedSeq(),
                k.revokedSeq(),
                k.revocationReason());
    }
}
