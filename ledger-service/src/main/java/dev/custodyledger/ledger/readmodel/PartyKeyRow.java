package dev.custodyledger.ledger.readmodel;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.text;

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

    public static final Table<PartyKeyRow> TABLE = new Table<>(
            "party_key",
            PartyKeyRow.class,
            text("key_id", PartyKeyRow::keyId),
            text("party_id", PartyKeyRow::partyId),
            text("public_key", PartyKeyRow::publicKey),
            text("purpose", PartyKeyRow::purpose),
            bigint("added_seq", PartyKeyRow::addedSeq),
            bigint("revoked_seq", PartyKeyRow::revokedSeq),
            text("revocation_reason", PartyKeyRow::revocationReason));

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
