package dev.custodyledger.ledger.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "fold_snapshot")
public class FoldSnapshotRow extends PanacheEntityBase {
    @Id
    public long seq;

    @Column(name = "kafka_offset")
    public long kafkaOffset;

    public byte[] state;
}
