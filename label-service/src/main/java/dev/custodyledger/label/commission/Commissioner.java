package dev.custodyledger.label.commission;

import dev.custodyledger.core.crypto.Base64Url;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.label.batch.BatchJobs;
import dev.custodyledger.label.batch.BatchStatus;
import dev.custodyledger.label.batch.ChunkStatus;
import dev.custodyledger.label.batch.CommissionChunk;
import dev.custodyledger.label.batch.LabelBatch;
import dev.custodyledger.label.batch.LabelRows;
import dev.custodyledger.label.batch.NewBatch;
import dev.custodyledger.label.config.LabelConfig;
import dev.custodyledger.label.keys.KeyService;
import dev.custodyledger.label.keys.ProducerKey;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts a batch on the ledger as COMMISSION events of at most {@code chunk-size} units, one chunk after another
 * on its own thread, each chunk's outcome stored as it arrives. A restart resumes the batch; a retried chunk is
 * the same signed event, so nothing is ever commissioned twice.
 */
@ApplicationScoped
public class Commissioner {
    private static final Logger LOG = Logger.getLogger(Commissioner.class);

    private final KeyService keys;
    private final LabelRows labels;
    private final LedgerSubmitter submitter;
    private final int chunkSize;
    private final SecureRandom random = new SecureRandom();
    private final Counter commissioned;
    private final BatchJobs jobs = new BatchJobs("commissioning", this::commission);

    Commissioner(
            KeyService keys, LabelRows labels, LedgerSubmitter submitter, LabelConfig config, MeterRegistry metrics) {
        this.keys = keys;
        this.labels = labels;
        this.submitter = submitter;
        this.chunkSize = Math.min(config.commission().chunkSize(), 10_000);
        this.commissioned = Counter.builder("labels.commissioned")
                .description("labels whose units the ledger accepted as commissioned")
                .register(metrics);
    }

    void resume(@Observes StartupEvent event) {
        jobs.resume(BatchStatus.COMMISSIONING);
    }

    void stop(@Observes ShutdownEvent event) {
        jobs.stop();
    }

    /**
     * Moves an allocated (or failed) batch to {@code COMMISSIONING} and plans its chunks: new chunks, and new
     * events for chunks the ledger refused; undelivered chunks keep their event. A batch already commissioning or
     * commissioned is answered as it is.
     */
    @WithTransaction
    public Uni<LabelBatch> begin(PartyState producer, UUID id) {
        return LabelBatch.<LabelBatch>findById(id).chain(batch -> {
            switch (batch.state()) {
                case ALLOCATING:
                    throw new ProblemException(
                            ProblemCode.NOT_ALLOCATED,
                            "batch " + id + " is still drawing serials; commission it when ALLOCATED");
                case COMMISSIONING:
                case COMMISSIONED:
                    return Uni.createFrom().item(batch);
                default:
                    break;
            }
            return keys.signingKey(producer.id(), KeyPurpose.CUSTODY).chain(key -> {
                if (key.isEmpty()) {
                    throw new ProblemException(
                            ProblemCode.CUSTODY_KEY_NOT_REGISTERED,
                            "no custody key held here is registered on the ledger for " + producer.id()
                                    + ": POST /v1/keys {\"purpose\":\"custody\"}, then have the operator register it");
                }
                return CommissionChunk.<CommissionChunk>list("batchId", batch.id)
                        .chain(existing -> plan(batch, existing, key.get().keyId))
                        .map(ignored -> {
                            batch.status = BatchStatus.COMMISSIONING;
                            batch.failure = null;
                            batch.updatedAt = now();
                            return batch;
                        });
            });
        });
    }

    private Uni<Void> plan(LabelBatch batch, List<CommissionChunk> existing, String custodyKeyId) {
        var changed = new ArrayList<CommissionChunk>();
        if (existing.isEmpty()) {
            for (int first = 1, no = 1; first <= batch.quantity; first += chunkSize, no++) {
                var chunk = new CommissionChunk();
                chunk.batchId = batch.id;
                chunk.chunkNo = no;
                chunk.firstIndex = first;
                chunk.lastIndex = Math.min(batch.quantity, first + chunkSize - 1);
                replan(chunk, custodyKeyId);
                changed.add(chunk);
            }
            return Panache.getSession().chain(s -> s.persistAll(changed.toArray()));
        }
        for (CommissionChunk chunk : existing) {
            if (chunk.status == ChunkStatus.FAILED) {
                if (Delivery.UNDELIVERED_CODE.equals(chunk.code)) {
                    chunk.status = ChunkStatus.PENDING;
                } else {
                    replan(chunk, custodyKeyId);
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** A new event for the chunk: the ledger refused the last one, so a different one cannot double anything. */
    private void replan(CommissionChunk chunk, String custodyKeyId) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        chunk.eventTime = now();
        chunk.nonce = Base64Url.encode(nonce);
        chunk.custodyKeyId = custodyKeyId;
        chunk.eventId = null;
        chunk.status = ChunkStatus.PENDING;
        chunk.seq = null;
        chunk.code = null;
        chunk.detail = null;
    }

    public void submit(UUID batch) {
        // A failure leaves the batch COMMISSIONING with every finished chunk stored; the next start resumes it.
        jobs.submit(batch);
    }

    private void commission(UUID id) {
        LabelBatch batch = Blocking.await(() -> Panache.withSession(() -> LabelBatch.<LabelBatch>findById(id)));
        List<CommissionChunk> open =
                Blocking.await(() -> Panache.withSession(() -> CommissionChunk.<CommissionChunk>list(
                        "batchId = ?1 and status = ?2 order by chunkNo", id, ChunkStatus.PENDING)));
        Product product = NewBatch.storedProduct(batch.product);
        for (CommissionChunk chunk : open) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            SignedEvent event = event(batch, chunk, product);
            Delivery delivery = submitter.deliver(event);
            Blocking.await(() -> record(id, chunk.chunkNo, event.id().toString(), delivery));
            if (delivery.kind() == Delivery.Kind.ACCEPTED) {
                commissioned.increment(chunk.size());
            }
            LOG.infof(
                    "batch %s: chunk %d (labels %d..%d) %s%s",
                    id,
                    chunk.chunkNo,
                    chunk.firstIndex,
                    chunk.lastIndex,
                    delivery.kind(),
                    delivery.code() == null
                            ? " at seq " + delivery.seq()
                            : ": " + delivery.code() + " " + delivery.detail());
        }
        Blocking.await(() -> finish(id));
    }

    private SignedEvent event(LabelBatch batch, CommissionChunk chunk, Product product) {
        ProducerKey row = Blocking.await(() -> keys.held(chunk.custodyKeyId))
                .orElseThrow(() -> new IllegalStateException("custody key " + chunk.custodyKeyId + " is gone"));
        Ed25519PrivateKey key = keys.open(row);
        Gtin gtin = Gtin.of(batch.gtin);
        var units = new ArrayList<ItemCode>(chunk.size());
        Blocking.await(() -> labels.page(batch.id, chunk.firstIndex, chunk.lastIndex, chunk.size()))
                .forEach(label -> units.add(new ItemCode(gtin, label.serial())));
        if (units.size() != chunk.size()) {
            throw new IllegalStateException(
                    "batch " + batch.id + " lacks labels " + chunk.firstIndex + ".." + chunk.lastIndex);
        }
        var header = new EventHeader(
                EventType.COMMISSION, chunk.eventTime, PartyId.of(batch.party), key.keyId(), chunk.nonce, null);
        return SignedEvent.sign(new Commission(header, units, Lot.of(batch.lot), batch.expiry, product), key);
    }

    @WithTransaction
    Uni<Void> record(UUID batch, int chunkNo, String eventId, Delivery delivery) {
        var key = new CommissionChunk.Key();
        key.batchId = batch;
        key.chunkNo = chunkNo;
        return CommissionChunk.<CommissionChunk>findById(key).chain(chunk -> {
            chunk.eventId = eventId;
            chunk.attempts++;
            chunk.status = delivery.kind() == Delivery.Kind.ACCEPTED ? ChunkStatus.ACCEPTED : ChunkStatus.FAILED;
            chunk.seq = delivery.seq();
            chunk.code = delivery.code();
            chunk.detail = delivery.detail() == null ? null : truncate(delivery.detail());
            if (delivery.kind() != Delivery.Kind.ACCEPTED) {
                return Uni.createFrom().voidItem();
            }
            return LabelBatch.update(
                            "commissioned = commissioned + ?1, updatedAt = ?2 where id = ?3",
                            chunk.size(),
                            now(),
                            batch)
                    .replaceWithVoid();
        });
    }

    @WithTransaction
    Uni<Void> finish(UUID id) {
        return LabelBatch.<LabelBatch>findById(id)
                .chain(batch -> CommissionChunk.<CommissionChunk>list(
                                "batchId = ?1 and status <> ?2 order by chunkNo", id, ChunkStatus.ACCEPTED)
                        .map(unfinished -> {
                            batch.updatedAt = now();
                            if (unfinished.isEmpty()) {
                                batch.status = BatchStatus.COMMISSIONED;
                                LOG.infof("batch %s: all %d units commissioned", id, batch.quantity);
                            } else if (unfinished.stream().noneMatch(c -> c.status == ChunkStatus.PENDING)) {
                                CommissionChunk first = unfinished.get(0);
                                batch.status = BatchStatus.FAILED;
                                batch.failure = truncate(unfinished.size() + " chunk(s) not commissioned; first: chunk "
                                        + first.chunkNo + " " + first.code + " " + first.detail);
                                LOG.warnf("batch %s failed: %s", id, batch.failure);
                            }
                            return null;
                        }));
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
