package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "party_key")
public class PartyKeyRow extends PanacheEntityBase {
    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "party_id")
    public String partyId;

    @Column(name = "public_key")
    public String publicKey;

    public String purpose;

    @Column(name = "added_seq")
    public long addedSeq;

    @Column(name = "revoked_seq")
    public long revokedSeq;

    @Column(name = "revocation_reason")
    public String revocationReason;
}
