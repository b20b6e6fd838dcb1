package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The current state of a unit, as of the projection's position. */
@Entity
@Table(name = "unit")
public class UnitRow extends PanacheEntityBase {
    @Id
    public String code;

    public String kind;
    public String gtin;
    public String lot;
    public LocalDate expiry;
    public String product;
    public String custodian;

    @Column(name = "pending_to")
    public String pendingTo;

    public String parent;
    public String status;
    public boolean recalled;

    @Column(name = "recall_reason")
    public String recallReason;

    @Column(name = "created_seq")
    public long createdSeq;

    @Column(name = "last_seq")
    public long lastSeq;
}
