package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One record of the ledger with its outcome. */
@Entity
@Table(name = "ledger_record")
public class LedgerRecordRow extends PanacheEntityBase {
    @Id
    public long seq;

    @Column(name = "kafka_offset")
    public long kafkaOffset;

    @Column(name = "record_time")
    public Instant recordTime;

    @Column(name = "event_id")
    public String eventId;

    public String type;
    public String actor;
    public String outcome;
    public String code;
    public String message;
    public String envelope;
}
