package dev.custodyledger.label.batch;

import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.label.keys.KeyService;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Creating batches and reading them back, always as the producer that owns them. */
@ApplicationScoped
public class BatchService {
    private final KeyService keys;
    private final RenderProgress rendering;

    BatchService(KeyService keys, RenderProgress rendering) {
        this.keys = keys;
        this.rendering = rendering;
    }

    /**
     * Stores a new batch in {@code ALLOCATING}: the GTIN must be under the producer's company prefixes (as the
     * ledger will check at commissioning) and the producer must have a label key the ledger has registered.
     */
    @WithTransaction
    public Uni<LabelBatch> create(PartyState producer, NewBatch request) {
        if (!producer.owns(request.gtin())) {
            throw new ProblemException(
                    ProblemCode.GTIN_NOT_OWNED,
                    "GTIN " + request.gtin() + " is not under a company prefix of " + producer.id());
        }
        return keys.signingKey(producer.id(), KeyPurpose.LABEL).chain(labelKey -> {
            if (labelKey.isEmpty()) {
                throw new ProblemException(
                        ProblemCode.LABEL_KEY_NOT_REGISTERED,
                        "no label key held here is registered on the ledger for " + producer.id()
                                + ": POST /v1/keys {\"purpose\":\"label\"}, then have the operator register it");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            var batch = new LabelBatch();
            batch.id = UUID.randomUUID();
            batch.party = producer.id().value();
            batch.gtin = request.gtin().value();
            batch.lot = request.lot().value();
            batch.expiry = request.expiry();
            batch.quantity = request.quantity();
            batch.product = NewBatch.productJson(request.product());
            batch.labelKeyId = labelKey.get().keyId;
            batch.status = BatchStatus.ALLOCATING;
            batch.createdAt = now;
            batch.updatedAt = now;
            return batch.<LabelBatch>persist();
        });
    }

    /** The producer's batch, or 404 (also for another party's batch: its existence is not disclosed). */
    @WithSession
    public Uni<LabelBatch> owned(PartyState producer, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "no label batch " + id);
        }
        return LabelBatch.<LabelBatch>findById(uuid).map(batch -> {
            if (batch == null || !batch.party.equals(producer.id().value())) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no label batch " + id);
            }
            return batch;
        });
    }

    @WithSession
    public Uni<BatchView> view(PartyState producer, String id) {
        return owned(producer, id)
                .chain(batch -> CommissionChunk.<CommissionChunk>list("batchId = ?1 order by chunkNo", batch.id)
                        .map(chunks -> BatchView.of(
                                batch,
                                rendering.of(batch.id),
                                chunks.stream().map(CommissionChunk::view).toList())));
    }

    @WithSession
    public Uni<List<BatchView>> recent(PartyState producer) {
        return LabelBatch.<LabelBatch>find(
                        "party = ?1 order by createdAt desc", producer.id().value())
                .page(0, 100)
                .list()
                .map(batches -> batches.stream()
                        .map(b -> BatchView.of(b, rendering.of(b.id), List.of()))
                        .toList());
    }
}
