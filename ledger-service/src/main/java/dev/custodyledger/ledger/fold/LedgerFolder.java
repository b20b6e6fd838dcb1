package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.StateCodec;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.projection.FoldSnapshotRow;
import dev.custodyledger.ledger.projection.ProjectionRows;
import dev.custodyledger.ledger.projection.ProjectionRows.Folded;
import dev.custodyledger.ledger.projection.ProjectionWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tails {@code custody.ledger} in log order on one thread and folds every record into the in-memory
 * custody state, which intake pre-checks and reads use under a read lock. When this replica holds the
 * projection lease it also writes the projections, batch by batch, in the same transaction as their position,
 * and every {@code snapshot-every} records a checkpoint of the fold. It restores from the newest checkpoint
 * on start and whenever it takes the lease over, so that nothing is lost or written twice.
 */
@ApplicationScoped
public class LedgerFolder {
    private static final int RECENT_OUTCOMES = 200_000;

    private final LedgerConfig config;
    private final String bootstrap;
    private final ProjectionWriter writer;
    private final TrustAnchor anchor;
    private final LedgerRules rules;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final Map<EventId, Outcome> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventId, Outcome> eldest) {
            return size() > RECENT_OUTCOMES;
        }
    };
    private final Counter accepted;
    private final io.micrometer.core.instrument.Timer projectionWrite;
    private final MeterRegistry metrics;

    private CustodyFold fold;
    private volatile long projectedSeq;
    private volatile long endOffsetAtStart = -1;
    private volatile boolean caughtUp;
    private volatile boolean restored;
    private volatile String lastFailure;
    private volatile long logEndOffset;
    private volatile boolean running;
    private volatile boolean rebuildRequested;
    private boolean writing;
    private KafkaConsumer<byte[], byte[]> consumer;
    private ProjectionLease lease;
    private Thread thread;
    private String digestCache;
    private long digestSeq = -1;

    LedgerFolder(
            LedgerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            ProjectionWriter writer,
            MeterRegistry metrics) {
        this.config = config;
        this.bootstrap = bootstrap;
        this.writer = writer;
        this.metrics = metrics;
        this.anchor = new TrustAnchor(
                PartyId.of(config.operator().id()),
                config.operator().name(),
                Ed25519PublicKey.ofBase64Url(config.operator().publicKey()));
        this.rules =
                new LedgerRules(config.ledger().maxFutureSkew(), config.ledger().maxPastSkew());
        this.fold = CustodyFold.fromGenesis(anchor, rules, SignatureCheck.VERIFIED_UPSTREAM);
        this.projectionWrite = io.micrometer.core.instrument.Timer.builder("custody.projection.write")
                .description("one projection batch: rows and position in one transaction")
                .register(metrics);
        this.accepted = Counter.builder("custody.events.accepted")
                .description("records the fold accepted")
                .register(metrics);
        Gauge.builder("custody.fold.lag.records", this, f -> Math.max(0, f.logEndOffset - 1 - f.lastOffset()))
                .description("records in the log the fold has not reached")
                .register(metrics);
        Gauge.builder("custody.fold.lag.seconds", this, LedgerFolder::lagSeconds)
                .description("age of the newest folded record while records are waiting")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        rebuildRequested = config.projection().rebuildOnStart();
        running = true;
        thread = new Thread(this::run, "ledger-folder");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lease != null) {
            lease.close();
        }
    }

    // ---- used by intake and reads

    public TrustAnchor anchor() {
        return anchor;
    }

    /** Runs {@code reader} against the current state under the read lock. */
    public <T> T read(Function<CustodyState, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(fold.state());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Intake's pre-check: the fold's rules against the current state, verifying the signature. */
    public Optional<Rejection> precheck(SignedEvent event, Instant now) {
        lock.readLock().lock();
        try {
            return fold.precheck(event, now, SignatureCheck.VERIFY);
        } finally {
            lock.readLock().unlock();
        }
    }

    OutcomeWaiters.Registration await(EventId id) {
        return waiters.register(id);
    }

    void abandon(EventId id, Throwable error) {
        waiters.fail(id, error);
    }

    /** The outcome the fold recorded for {@code id}, if it is among the recent ones kept in memory. */
    public Optional<Outcome> recentOutcome(EventId id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id));
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(lastFailure);
    }

    public boolean writesProjections() {
        return lease != null && lease.held() && writing;
    }

    public long lastOffset() {
        return read(CustodyState::lastOffset);
    }

    /** The state digest at the current position, cached per sequence number. */
    public Head head() {
        lock.readLock().lock();
        try {
            CustodyState s = fold.state();
            synchronized (this) {
                if (digestSeq != s.lastSeq()) {
                    digestCache = StateCodec.digest(s);
                    digestSeq = s.lastSeq();
                }
                return new Head(
                        s.lastSeq(),
                        s.lastOffset(),
                        s.lastRecordTime(),
                        digestCache,
                        s.acceptedCount(),
                        s.rejectedCount(),
                        projectedSeq);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops the read model and rebuilds it by replaying the log from the first record. Runs on the folding
     * thread; reads answer from the rebuilt state as it catches up.
     */
    public void rebuild() {
        rebuildRequested = true;
    }

    /** Forgets the in-memory fold and restores it from the stored checkpoint, as a restarted replica does. */
    public void restoreFromCheckpoint() {
        restored = false;
    }

    public record Head(
            long seq,
            long offset,
            Instant recordTime,
            String stateDigest,
            long accepted,
            long rejected,
            long projectedSeq) {}

    // ---- the folding thread

    private void run() {
        var tp = new TopicPartition(config.ledger().topic(), 0);
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                String.valueOf(config.projection().maxBatch()));
        // Under load, wait up to 25 ms for 256 KiB so that one projection transaction covers hundreds of records;
        // when idle the wait costs at most 25 ms of latency.
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(256 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "25");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-service-folder");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        lease = new ProjectionLease(
                bootstrap, config.projection().group(), config.ledger().topic());
        consumer.assign(List.of(tp));
        boolean synced = false;
        while (running) {
            try {
                if (rebuildRequested && lease.held()) {
                    await(writer::dropAll);
                    rebuildRequested = false;
                    restored = false;
                    Log.info("read model dropped; rebuilding it from the log");
                }
                if (!restored) {
                    restore(tp);
                    endOffsetAtStart = consumer.endOffsets(List.of(tp)).get(tp);
                    restored = true;
                    synced = lease.held();
                    writing = synced;
                }
                if (lease.held() && !synced) {
                    // Taking the lease over: continue exactly where the stored projection stands.
                    restore(tp);
                    synced = true;
                    writing = true;
                } else if (!lease.held()) {
                    synced = false;
                    writing = false;
                }
                var records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    process(records.records(tp));
                }
                logEndOffset = consumer.endOffsets(List.of(tp)).get(tp);
                if (!caughtUp && lastOffset() + 1 >= endOffsetAtStart) {
                    caughtUp = true;
                    Log.infof(
                            "fold caught up with the log at seq %d (offset %d)",
                            read(CustodyState::lastSeq), lastOffset());
                }
                lastFailure = null;
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException | IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                Log.warnf("folding failed, restoring from the stored checkpoint: %s", lastFailure);
                restored = false;
                sleepQuietly(1000);
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private void restore(TopicPartition tp) throws IOException {
        ProjectionWriter.Position position = await(writer::position);
        FoldSnapshotRow snapshot = await(writer::latestSnapshot);
        CustodyState state = snapshot == null
                ? CustodyState.genesis(anchor)
                : StateCodec.read(new ByteArrayInputStream(snapshot.state));
        lock.writeLock().lock();
        try {
            fold = new CustodyFold(state, rules, SignatureCheck.VERIFIED_UPSTREAM);
        } finally {
            lock.writeLock().unlock();
        }
        projectedSeq = position.seq();
        consumer.seek(tp, state.lastOffset() + 1);
        Log.infof(
                "fold restored at seq %d from %s; projection stands at seq %d",
                state.lastSeq(), snapshot == null ? "genesis" : "snapshot", position.seq());
    }

    private void process(List<ConsumerRecord<byte[], byte[]>> records) throws IOException {
        List<Folded> folded = new ArrayList<>(records.size());
        lock.writeLock().lock();
        try {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                var record = LedgerRecord.decode(r.offset(), Instant.ofEpochMilli(r.timestamp()), r.value());
                Outcome outcome = fold.apply(record);
                folded.add(new Folded(record, r.value(), outcome));
                // Published before the lock is released: whoever sees the event in the state finds its outcome.
                if (outcome.eventId() != null
                        && outcome.code() != dev.custodyledger.core.fold.RejectionCode.DUPLICATE) {
                    synchronized (recent) {
                        recent.putIfAbsent(outcome.eventId(), outcome);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (writing && lease.held()) {
            project(folded);
        }
        for (Folded f : folded) {
            Outcome o = f.outcome();
            waiters.complete(o);
            if (o.accepted()) {
                accepted.increment();
            } else {
                metrics.counter("custody.events.rejected", "code", o.code().name())
                        .increment();
            }
        }
    }

    private void project(List<Folded> folded) throws IOException {
        List<Folded> unwritten =
                folded.stream().filter(f -> f.outcome().seq() > projectedSeq).toList();
        if (unwritten.isEmpty()) {
            return;
        }
        long last = unwritten.get(unwritten.size() - 1).outcome().seq();
        int every = config.projection().snapshotEvery();
        boolean snapshot = last / every > projectedSeq / every;
        byte[] state = null;
        CustodyState s = fold.state();
        if (snapshot) {
            var bytes = new ByteArrayOutputStream();
            StateCodec.write(s, new DataOutputStream(bytes));
            state = bytes.toByteArray();
        }
        var batch = ProjectionRows.build(unwritten, s, projectedSeq, snapshot, state);
        long start = System.nanoTime();
        await(() -> writer.write(batch));
        projectionWrite.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        projectedSeq = last;
    }

    private double lagSeconds() {
        Instant time = read(CustodyState::lastRecordTime);
        return time == null || logEndOffset - 1 <= lastOffset()
                ? 0
                : Duration.between(time, Instant.now()).toMillis() / 1000.0;
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
