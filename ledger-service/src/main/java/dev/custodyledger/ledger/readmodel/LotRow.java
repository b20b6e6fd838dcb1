package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "lot")
public class LotRow extends PanacheEntityBase {
    @Id
    public String id;

    public String gtin;
    public String lot;
    public long units;

    @Column(name = "recalled_seq")
    public long recalledSeq;

    @Column(name = "recall_reason")
    public String recallReason;
}
