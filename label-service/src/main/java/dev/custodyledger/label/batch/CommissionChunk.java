package dev.custodyledger.label.batch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One COMMISSION event of a batch. Its time and nonce are fixed when the chunk is planned, so every attempt
 * signs the very same event (Ed25519 is deterministic): a retry has the same event id and is never appended twice.
 */
@Entity
@Table(name = "commission_chunk")
@IdClass(CommissionChunk.Key.class)
public class CommissionChunk extends PanacheEntityBase {
    @Id
    @Column(name = "batch_id")
    public UUID batchId;

    @Id
    @Column(name = "chunk_no")
    public int chunkNo;

    @Column(name = "first_idx")
    public int firstIndex;

    @Column(name = "last_idx")
    public int lastIndex;

    @Column(name = "event_time")
    public Instant eventTime;

    public String nonce;

    @Column(name = "custody_key_id")
    public String custodyKeyId;

    @Column(name = "event_id")
    public String eventId;

    @Enumerated(EnumType.STRING)
    public ChunkStatus status;

    public Long seq;
    public String code;
    public String detail;
    public int attempts;

    public int size() {
        return lastIndex - firstIndex + 1;
    }

    public BatchView.ChunkView view() {
        return new BatchView.ChunkView(
                chunkNo, firstIndex, lastIndex, status.name(), eventId, seq, code, detail, attempts);
    }

    public static class Key implements Serializable {
        public UUID batchId;
        public int chunkNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.batchId.equals(batchId) && k.chunkNo == chunkNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, chunkNo);
        }
    }
}
