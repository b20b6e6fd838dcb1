package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "party")
public class PartyRow extends PanacheEntityBase {
    @Id
    public String id;

    public String name;
    public String roles;

    @Column(name = "company_prefixes")
    public String companyPrefixes;

    public String gln;
    public String city;
    public String country;

    @Column(name = "registered_seq")
    public long registeredSeq;

    @Column(name = "suspended_seq")
    public long suspendedSeq;

    @Column(name = "suspension_reason")
    public String suspensionReason;
}
