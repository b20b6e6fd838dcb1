package dev.custodyledger.label.batch;

import dev.custodyledger.fold.Blocking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A label batch: what is printed on {@code quantity} units of one GTIN and lot, and how far it has come. */
@Entity
@Table(name = "label_batch")
public class LabelBatch extends PanacheEntityBase {
    @Id
    public UUID id;

    public String party;
    public String gtin;
    public String lot;
    public LocalDate expiry;
    public int quantity;

    /** The product data as canonical JSON, as it will be stated in the COMMISSION events. */
    public String product;

    @Column(name = "label_key_id")
    public String labelKeyId;

    @Enumerated(EnumType.STRING)
    public BatchStatus status;

    public int allocated;
    public int commissioned;
    public String failure;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public BatchStatus state() {
        return status;
    }

    /** The ids of the batches in {@code status}: what a restart has to resume. Waits; not for the event loop. */
    public static List<UUID> idsIn(BatchStatus status) {
        return Blocking.await(() -> Panache.withSession(() -> LabelBatch.<LabelBatch>list("status", status)
                .map(batches -> batches.stream().map(b -> b.id).toList())));
    }
}
