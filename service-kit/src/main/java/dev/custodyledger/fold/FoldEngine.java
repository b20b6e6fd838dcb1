package dev.custodyledger.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.StateCodec;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.kafka.KafkaAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tails the ledger topic in log order on one thread and folds every record into the in-memory custody state,
 * which readers use under a read lock. When this replica holds the lease, a writer thread writes the folded
 * records to the read model behind the fold, run by run, in the same transaction as their position, with a
 * checkpoint of the fold as {@link CheckpointSchedule} says. It restores
 * from the newest checkpoint on start, after a failure and whenever it takes the lease over, so that nothing is
 * lost or written twice. Which {@link Phase} it is in, and every move to another, is {@link Lifecycle}'s to say.
 */
public final class FoldEngine<R> implements LedgerView, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FoldEngine.class);
    private static final int RECORDS_PER_LOCK = 32;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1000;
    /** How often a follower looks where the read model stands, which another replica writes. */
    private static final long POSITION_LOOK_NANOS = Duration.ofSeconds(1).toNanos();

    /** What the engine talks to: the log, the lease and the read model's store, and how it waits after a failure. */
    record Ports<R>(Supplier<LogReader> log, Supplier<Lease> lease, ReadModelStore<R> store, LongConsumer pause) {
        /** Kafka and PostgreSQL. */
        static <R> Ports<R> of(FoldSettings s, KafkaAccess kafka, Pool database, ReadModel<R> readModel) {
            return new Ports<>(
                    () -> new KafkaLogReader(kafka, s.topic(), s.maxBatch(), s.service() + "-folder"),
                    () -> new KafkaLease(kafka, s.leaseGroup(), s.topic(), s.service() + "-lease"),
                    new PostgresReadModelStore<>(database, s.service(), readModel),
                    Blocking::pause);
        }
    }

    private final FoldSettings settings;
    private final ReadModel<R> readModel;
    private final Consumer<List<Folded>> listener;
    private final Ports<R> ports;
    private final ReadModelWriter<R> writer;
    private final CheckpointSchedule checkpoints;
    private final FoldMetrics metrics;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private CustodyFold fold;
    private LogReader log;
    private Lease lease;
    private Thread thread;
    /** The last seq handed to the writer; only the folding thread touches it. */
    private long queuedSeq;
    /** The log's end at the first restore: the fold is caught up once it has folded that far. */
    private long endAtStart = -1;

    private volatile Phase phase = Phase.STARTING;
    private volatile boolean rebuildAsked;
    private volatile boolean restoreAsked;
    private volatile boolean stopAsked;
    private volatile boolean caughtUp;
    /** The offset the fold had reached before its last restore: until it is there again, its state is old. */
    private volatile long resumeOffset = -1;

    private volatile String lastFailure;
    private volatile long logEndOffset;
    /** The reader's position after the last poll (past transaction markers); written by the folding thread. */
    private volatile long readPosition;
    /** Where the fold stands, readable without the lock. */
    private volatile long foldedOffset = -1;

    private volatile long foldedSeq;
    private String digestCache;
    private long digestSeq = -1;
    /** When a follower last looked at the stored position, and whether a look is in flight; folding thread only. */
    private long positionLookedAt;

    private final java.util.concurrent.atomic.AtomicBoolean lookingAtPosition =
            new java.util.concurrent.atomic.AtomicBoolean();

    FoldEngine(
            FoldSettings settings,
            ReadModel<R> readModel,
            Consumer<List<Folded>> listener,
            Ports<R> ports,
            MeterRegistry registry) {
        this.settings = settings;
        this.readModel = readModel;
        this.listener = listener;
        this.ports = ports;
        this.rebuildAsked = settings.rebuildOnStart();
        this.fold = CustodyFold.fromGenesis(settings.anchor(), settings.rules(), settings.signatures());
        this.checkpoints = new CheckpointSchedule(settings);
        this.metrics = new FoldMetrics(registry, this);
        this.writer = new ReadModelWriter<>(ports.store(), readModel, metrics.writes);
    }

    /** Opens the log and the lease and folds on a thread of its own until {@link #close}. */
    public void start() {
        open();
        thread = new Thread(
                () -> {
                    while (phase != Phase.STOPPED) {
                        step();
                    }
                    log.close();
                },
                settings.service() + "-folder");
        thread.start();
    }

    /** Opens the log and the lease; {@link #step} then does one phase's work at a time. */
    void open() {
        log = ports.log().get();
        lease = ports.lease().get();
    }

    @Override
    public void close() {
        stopAsked = true;
        if (log != null) {
            log.wakeup();
        }
        Blocking.stopPolling(null, thread);
        if (lease != null) {
            lease.close();
        }
        writer.close();
    }

    @Override
    public TrustAnchor anchor() {
        return settings.anchor();
    }

    /** The service this engine folds for, e.g. {@code ledger}: names its clients, position row and health check. */
    public String service() {
        return settings.service();
    }

    /** Runs {@code reader} against the current state under the read lock. */
    @Override
    public <T> T read(Function<CustodyState, T> reader) {
        return locked(false, reader);
    }

    /**
     * Runs {@code reader} under the read lock only if the state is current there: a restore may begin between a
     * look at {@link #current()} and a read, and a rewound state would judge valid parties and events as unknown.
     *
     * @throws NotCurrentException when the state is behind the log (starting, or refolding after a restore)
     */
    @Override
    public <T> T readCurrent(Function<CustodyState, T> reader) {
        return locked(true, reader);
    }

    private <T> T locked(boolean requireCurrent, Function<CustodyState, T> reader) {
        lock.readLock().lock();
        try {
            if (requireCurrent && !current()) {
                throw new NotCurrentException();
            }
            return reader.apply(fold.state());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The fold's rules against the current state, verifying the signature: intake's pre-check. The signature is
     * verified before the lock is taken (a key id names one public key for good), so that intake's verifications
     * never hold up the fold; under the lock the rules see the key as it stands then.
     *
     * @throws NotCurrentException when the state is not current under the lock, as after a restore that began
     *     once the caller had looked: a rewound state would refuse events that are valid
     */
    @Override
    public Optional<Rejection> precheck(SignedEvent event, Instant now) {
        Ed25519PublicKey named = read(state -> {
            KeyState key = state.key(event.event().header().keyId());
            return key == null ? null : key.publicKey();
        });
        boolean valid = named != null && verifies(event, named);
        SignatureCheck checked = (e, key) -> {
            if (!key.equals(named)) {
                e.verifyWith(key); // registered in the meantime: rare, checked here
            } else if (!valid) {
                throw new SignatureInvalidException("signature does not verify under key " + key.keyId());
            }
        };
        return locked(true, state -> fold.precheck(event, now, checked));
    }

    private static boolean verifies(SignedEvent event, Ed25519PublicKey key) {
        try {
            event.verifyWith(key);
            return true;
        } catch (SignatureInvalidException e) {
            return false;
        }
    }

    /** Caught up with the end of the log as it was at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Whether the state is current enough to decide on: caught up with the log seen at start and, after a
     * restore, back where it was before. A rewound state would refuse events that are valid.
     */
    @Override
    public boolean current() {
        // A restore asked for has already disowned the state, before the folding thread gets to it.
        return caughtUp && phase.folds() && !restoreAsked && lastOffset() >= resumeOffset;
    }

    public Phase phase() {
        return phase;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(lastFailure);
    }

    public boolean writesProjections() {
        return phase == Phase.WRITING && lease != null && lease.held();
    }

    public long lastOffset() {
        return foldedOffset;
    }

    public long lastSeq() {
        return foldedSeq;
    }

    /** The seq up to which the read model is written. */
    public long projectedSeq() {
        return writer.projectedSeq();
    }

    /** The state digest at the current position, cached per sequence number. */
    @Override
    public Head head() {
        return read(s -> {
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
                        writer.projectedSeq());
            }
        });
    }

    /** Drops the read model and rebuilds it by replaying the log from the first record, on the folding thread. */
    public void rebuild() {
        rebuildAsked = true;
    }

    /** Forgets the in-memory fold and restores it from the stored checkpoint, as a restarted replica does. */
    public void restoreFromCheckpoint() {
        restoreAsked = true;
    }

    // ---- the folding thread

    /** One phase's work, then the move {@link Lifecycle} decides. Only the folding thread (or a test) steps. */
    void step() {
        Phase from = phase;
        boolean failed = false;
        try {
            switch (stopAsked ? Phase.STOPPED : from) {
                case STARTING -> lease.awaitFirstDecision();
                case RESTORING -> restore();
                case REBUILDING -> dropReadModel();
                case FOLLOWING -> follow(false);
                case WRITING -> follow(true);
                case STOPPED -> {}
            }
            lastFailure = null;
        } catch (RuntimeException | IOException e) {
            if (!stopAsked) {
                failed = true;
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf(
                        "%s failed in %s, restoring from the stored checkpoint: %s",
                        settings.service(), from, lastFailure);
                ports.pause().accept(PAUSE_AFTER_FAILURE_MILLIS);
            }
        }
        Phase to = Lifecycle.next(
                from, new Lifecycle.Signals(lease.held(), rebuildAsked, restoreAsked, failed, stopAsked));
        if (to != from) {
            LOG.infof("%s fold: %s -> %s at seq %d", settings.service(), from, to, lastSeq());
            phase = to;
        }
    }

    private void dropReadModel() {
        writer.quiesce();
        // Readiness and the lag gauge never report more than the tables hold, even while they empty.
        writer.resumeAt(0);
        ports.store().dropAll();
        rebuildAsked = false;
        LOG.info("read model dropped; rebuilding it from the log");
    }

    private void follow(boolean writing) throws IOException {
        if (writing) {
            writer.requireHealthy();
        }
        var records = log.poll(POLL);
        if (!records.isEmpty()) {
            process(records, writing);
        }
        logEndOffset = log.end();
        readPosition = log.position();
        if (!writing) {
            lookAtStoredPosition();
        }
        if (!caughtUp && readPosition >= endAtStart) {
            caughtUp = true;
            LOG.infof("fold caught up with the log at seq %d (offset %d)", lastSeq(), lastOffset());
        }
    }

    /**
     * A follower's projected seq is where the read model stands, written by the lease holder: without a look now
     * and then, its head, readiness and lag gauge would report the position of its own last write (or of its
     * start) for ever. The look runs off the folding thread, so a database that hangs never stalls the fold (and
     * the pre-checks that read it); a look that fails leaves the last value.
     */
    private void lookAtStoredPosition() {
        long now = System.nanoTime();
        if (now - positionLookedAt < POSITION_LOOK_NANOS || !lookingAtPosition.compareAndSet(false, true)) {
            return;
        }
        positionLookedAt = now;
        Thread.ofVirtual().name(settings.service() + "-position-look").start(() -> {
            try {
                long stored = ports.store().position().seq();
                if (phase == Phase.FOLLOWING) {
                    writer.resumeAt(stored);
                }
            } catch (RuntimeException e) {
                LOG.debugf("%s could not read the stored position: %s", settings.service(), e.getMessage());
            } finally {
                lookingAtPosition.set(false);
            }
        });
    }

    private void restore() throws IOException {
        restoreAsked = false;
        // Nothing queued or in flight may land after the position is read, or it would be written twice.
        writer.quiesce();
        resumeOffset = Math.max(resumeOffset, lastOffset());
        ReadModelStore.Position position = ports.store().position();
        byte[] snapshot = ports.store().latestCheckpoint();
        CustodyState state = readCheckpoint(snapshot);
        lock.writeLock().lock();
        try {
            fold = new CustodyFold(state, settings.rules(), settings.signatures());
            foldedOffset = state.lastOffset();
            foldedSeq = state.lastSeq();
        } finally {
            lock.writeLock().unlock();
        }
        queuedSeq = position.seq();
        checkpoints.restartAt(state.lastSeq());
        writer.resumeAt(position.seq());
        log.seek(state.lastOffset() + 1);
        readPosition = state.lastOffset() + 1;
        if (endAtStart < 0) {
            endAtStart = log.endNow();
        }
        LOG.infof(
                "fold restored at seq %d from %s; read model stands at seq %d",
                state.lastSeq(), state.lastSeq() == 0 ? "genesis" : "a checkpoint", position.seq());
    }

    /**
     * The stored checkpoint's state, or genesis when there is none or it is of another codec version: the fold then
     * replays the log, and rows the read model already holds are not written again.
     */
    private CustodyState readCheckpoint(byte[] snapshot) throws IOException {
        if (snapshot != null) {
            try {
                return StateCodec.read(new ByteArrayInputStream(snapshot));
            } catch (StateCodec.OtherVersionException e) {
                LOG.warnf("%s: %s; folding the log from its first record", settings.service(), e.getMessage());
            }
        }
        return CustodyState.genesis(settings.anchor());
    }

    private void process(List<LogReader.Entry> records, boolean writing) throws IOException {
        // Decoding needs no lock; applying holds it a few records at a time, so that readers (intake's
        // pre-checks above all) wait for a handful of records, never for a whole poll.
        List<LedgerRecord> decoded = new ArrayList<>(records.size());
        for (LogReader.Entry r : records) {
            decoded.add(LedgerRecord.decode(r.offset(), r.recordTime(), r.value()));
        }
        List<Folded> folded = new ArrayList<>(records.size());
        for (int from = 0; from < decoded.size(); from += RECORDS_PER_LOCK) {
            int to = Math.min(decoded.size(), from + RECORDS_PER_LOCK);
            lock.writeLock().lock();
            try {
                for (int i = from; i < to; i++) {
                    folded.add(new Folded(decoded.get(i), records.get(i).value(), fold.apply(decoded.get(i))));
                }
                foldedOffset = fold.state().lastOffset();
                foldedSeq = fold.state().lastSeq();
            } finally {
                lock.writeLock().unlock();
            }
            listener.accept(folded.subList(from, to));
        }
        metrics.count(folded);
        // Checked again here: the lease may have gone while the poll waited; a successor restores from the store.
        if (writing && lease.held()) {
            project(folded);
        }
    }

    /** Hands the records not yet written (a restore may rewind the fold behind the projection) to the writer. */
    private void project(List<Folded> folded) throws IOException {
        List<Folded> unwritten =
                folded.stream().filter(f -> f.outcome().seq() > queuedSeq).toList();
        if (unwritten.isEmpty()) {
            return;
        }
        CustodyState state = fold.state();
        long lastSeq = unwritten.get(unwritten.size() - 1).outcome().seq();
        // The state is the one after the last record, so a checkpoint of it goes with the last run only.
        byte[] snapshot = null;
        if (checkpoints.due(lastSeq, state)) {
            var bytes = new ByteArrayOutputStream();
            StateCodec.write(state, new DataOutputStream(bytes));
            snapshot = bytes.toByteArray();
        }
        int from = 0;
        int weight = 0;
        for (int i = 0; i < unwritten.size(); i++) {
            weight += weight(unwritten.get(i).outcome());
            boolean lastRun = i == unwritten.size() - 1;
            if (lastRun || weight >= ReadModelWriter.MAX_WEIGHT) {
                submit(unwritten.subList(from, i + 1), state, lastRun ? snapshot : null, weight);
                from = i + 1;
                weight = 0;
            }
        }
    }

    /** A run of records (rows built from the state after the poll) to the writer, with its checkpoint. */
    private void submit(List<Folded> run, CustodyState state, byte[] snapshot, int weight) {
        Folded last = run.get(run.size() - 1);
        var checkpoint = new Checkpoint(
                queuedSeq,
                last.outcome().seq(),
                last.record().offset(),
                last.record().recordTime(),
                snapshot);
        R rows = readModel.rows(run, state, queuedSeq);
        try {
            writer.submit(checkpoint, rows, weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the projection writer", e);
        }
        queuedSeq = last.outcome().seq();
    }

    /** Units a record touches: what its rows grow with. */
    private static int weight(Outcome o) {
        return 1 + o.units().size() + o.carried().size();
    }

    long lagRecords() {
        return Math.max(0, logEndOffset - readPosition);
    }

    /** The offset the fold reads next: it has folded every record before it. */
    @Override
    public long logPosition() {
        return readPosition;
    }

    double lagSeconds() {
        Instant time = read(CustodyState::lastRecordTime);
        return time == null || logEndOffset <= readPosition
                ? 0
                : Duration.between(time, Instant.now()).toMillis() / 1000.0;
    }
}
