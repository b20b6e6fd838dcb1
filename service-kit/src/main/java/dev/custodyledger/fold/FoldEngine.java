package dev.custodyledger.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.fold.VerifiedAhead;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
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
 * Tails the ledger topic in log order on one thread and folds every record into the custody state, which readers
 * use under a read lock. The state is a store of the replica's own ({@link StateHome}) and the changes not yet
 * committed to it, a generation per poll (ADR 26). When this replica holds the lease, a writer thread writes the
 * folded records to the read model behind the fold, run by run, in the same transaction as their position. A
 * generation is committed to the store once the read model has passed it, so the store never runs ahead of the
 * read model: on start, after a failure and whenever it takes the lease over, the engine drops what it has not
 * committed and folds again from the store's position, so that nothing is lost or written twice. Which {@link
 * Phase} it is in, and every move to another, is {@link Lifecycle}'s to say.
 */
public final class FoldEngine<R> implements LedgerView, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FoldEngine.class);
    private static final int RECORDS_PER_LOCK = 32;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1000;
    /** How often a follower looks where the read model stands, which another replica writes. */
    private static final long POSITION_LOOK_NANOS = Duration.ofSeconds(1).toNanos();
    /**
     * Changed entries the state may hold uncommitted before the fold waits for the read model: a follower whose
     * lease holder is gone would otherwise fold the whole log into its heap.
     */
    static final long MAX_PENDING_ENTRIES = 500_000;

    /** What the engine talks to: the log, the lease and the read model's store, and how it waits after a failure. */
    record Ports<R>(
            Supplier<LogReader> log,
            Supplier<Lease> lease,
            ReadModelStore<R> store,
            StateHome state,
            LongConsumer pause) {
        /** Kafka, PostgreSQL and the configured state home. */
        static <R> Ports<R> of(FoldSettings s, KafkaAccess kafka, Pool database, ReadModel<R> readModel) {
            return new Ports<>(
                    () -> new KafkaLogReader(kafka, s.topic(), s.maxBatch(), s.service() + "-folder"),
                    () -> new KafkaLease(kafka, s.leaseGroup(), s.topic(), s.service() + "-lease"),
                    new PostgresReadModelStore<>(database, s.service(), readModel),
                    s.stateHome(),
                    Blocking::pause);
        }
    }

    private final FoldSettings settings;
    private final ReadModel<R> readModel;
    private final Consumer<List<Folded>> listener;
    private final Ports<R> ports;
    private final ReadModelWriter<R> writer;
    private final FoldMetrics metrics;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Signatures of a poll verified on every core before it is applied, when this service verifies them. */
    private final VerifiedAhead ahead = new VerifiedAhead();
    /** The run after the one being applied, decoded and verified meanwhile; folding thread only. */
    private java.util.concurrent.CompletableFuture<Prepared> lookahead;
    /** The offset of the first record of {@link #lookahead}: the fold reads it next. */
    private long lookaheadFrom;

    private StateStore store;
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
    /** Why the state store last refused a commit; cleared by the next commit that works. */
    private volatile String storeFailure;

    private volatile long logEndOffset;
    /** The reader's position after the last poll (past transaction markers); written by the folding thread. */
    private volatile long readPosition;
    /**
     * Where the fold stands, published by the folding thread after each run of records it applies: readers (the
     * head, readiness, the lag gauges) never wait on the lock for it.
     */
    private volatile Standing standing;
    /** Whether the fold waits for the read model to pass its uncommitted changes; folding thread only. */
    private boolean waitingForReadModel;
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
        this.store = ports.state().open();
        this.fold = openFold();
        this.standing = Standing.of(fold.state());
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
                    dropLookahead();
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
        lock.writeLock().lock();
        try {
            store.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private CustodyFold openFold() {
        return new CustodyFold(
                CustodyState.open(store, settings.anchor(), settings.scope()),
                settings.rules(),
                signatures(),
                settings.scope());
    }

    private SignatureCheck signatures() {
        return settings.signatures() == SignatureCheck.VERIFY ? ahead : settings.signatures();
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
        Ed25519PublicKey named =
                read(state -> state.publicKey(event.event().header().keyId()));
        boolean valid = named != null && event.verifies(named);
        SignatureCheck checked = (e, key) -> {
            if (!key.equals(named)) {
                e.verifyWith(key); // registered in the meantime: rare, checked here
            } else if (!valid) {
                throw new SignatureInvalidException("signature does not verify under key " + key.keyId());
            }
        };
        return locked(true, state -> fold.precheck(event, now, checked));
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

    /** What failed last, a state store that refuses to commit above all: the replica is not ready meanwhile. */
    public Optional<String> failure() {
        return Optional.ofNullable(storeFailure != null ? storeFailure : lastFailure);
    }

    public boolean writesProjections() {
        return phase == Phase.WRITING && lease != null && lease.held();
    }

    public long lastOffset() {
        return standing.offset();
    }

    public long lastSeq() {
        return standing.seq();
    }

    /** The seq up to which the state store holds the fold: what a restart resumes from. */
    public long committedSeq() {
        return read(state -> state.committed().seq());
    }

    /** The seq up to which the read model is written. */
    public long projectedSeq() {
        return writer.projectedSeq();
    }

    /** Where the fold stands, with the state commitment there: kept per record, so no cost to ask (ADR 27). */
    @Override
    public Head head() {
        Standing at = standing;
        return new Head(
                at.seq(),
                at.offset(),
                at.recordTime(),
                at.commitment(),
                settings.scope(),
                at.accepted(),
                at.rejected(),
                writer.projectedSeq());
    }

    /** Drops the read model and rebuilds it by replaying the log from the first record, on the folding thread. */
    public void rebuild() {
        rebuildAsked = true;
    }

    /** Drops what the fold has not committed and folds again from the store's position, as a restarted replica does. */
    public void restoreFromStore() {
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
                        "%s failed in %s, folding again from the state store: %s",
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
        dropLookahead();
        writer.quiesce();
        // Readiness and the lag gauge never report more than the tables hold, even while they empty.
        writer.resumeAt(0);
        ports.store().dropAll();
        // The store may not be ahead of the read model: it starts again from genesis too.
        lock.writeLock().lock();
        try {
            store.close();
            ports.state().wipe();
            store = ports.state().open();
            fold = openFold();
            resumeOffset = -1;
        } finally {
            lock.writeLock().unlock();
        }
        rebuildAsked = false;
        LOG.info("read model and state store emptied; rebuilding both from the log");
    }

    private void follow(boolean writing) throws IOException {
        if (writing) {
            writer.requireHealthy();
        }
        commitProjected();
        if (fold.state().pendingEntries() < MAX_PENDING_ENTRIES) {
            waitingForReadModel = false;
            Prepared run = lookahead != null ? takeLookahead() : prepared(log.poll(POLL));
            if (run != null) {
                lookAhead();
                process(run, writing);
            }
        } else {
            if (!waitingForReadModel) {
                LOG.warnf(
                        "%s fold waits at seq %d: the read model stands at seq %d and the changes between are"
                                + " not committed to the state store",
                        settings.service(), lastSeq(), writer.projectedSeq());
                waitingForReadModel = true;
            }
            ports.pause().accept(POLL.toMillis());
        }
        logEndOffset = log.end();
        readPosition = lookahead != null ? lookaheadFrom : log.position();
        if (!writing) {
            lookAtStoredPosition();
        }
        if (!caughtUp && readPosition >= endAtStart) {
            caughtUp = true;
            LOG.infof("fold caught up with the log at seq %d (offset %d)", lastSeq(), lastOffset());
        }
    }

    /**
     * Starts decoding and verifying, in the common pool, the records the reader has already fetched, while the
     * folding thread applies the run before them: when the fold is behind (a rebuild, a new replica) every core
     * works. Caught up, there is nothing fetched and the next poll waits as before.
     */
    private void lookAhead() {
        List<LogReader.Entry> fetched = log.poll(Duration.ZERO);
        if (!fetched.isEmpty()) {
            lookaheadFrom = fetched.get(0).offset();
            lookahead = java.util.concurrent.CompletableFuture.supplyAsync(() -> prepared(fetched));
        }
    }

    private Prepared takeLookahead() {
        try {
            return lookahead.join();
        } finally {
            lookahead = null;
        }
    }

    /**
     * Forgets the run read ahead, once its verification is over: the reader is about to be moved or closed, the
     * fold rewound, and the store it reads keys from may be closed next.
     */
    private void dropLookahead() {
        if (lookahead != null) {
            lookahead.exceptionally(e -> null).join();
            lookahead = null;
        }
    }

    /** A polled run decoded and, when this service verifies signatures, verified on every core; null if empty. */
    private Prepared prepared(List<LogReader.Entry> records) {
        if (records.isEmpty()) {
            return null;
        }
        List<LedgerRecord> decoded = java.util.stream.IntStream.range(0, records.size())
                .parallel()
                .mapToObj(i -> {
                    LogReader.Entry r = records.get(i);
                    return LedgerRecord.decode(r.offset(), r.recordTime(), r.value());
                })
                .toList();
        VerifiedAhead.Verdicts verdicts = settings.signatures() == SignatureCheck.VERIFY
                ? VerifiedAhead.verify(decoded, id -> read(state -> state.publicKey(id)))
                : null;
        return new Prepared(records, decoded, verdicts);
    }

    /** A run of polled records with their decoded form and the verdicts on their signatures (null if not checked). */
    private record Prepared(
            List<LogReader.Entry> records, List<LedgerRecord> decoded, VerifiedAhead.Verdicts verdicts) {}

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

    private void restore() {
        restoreAsked = false;
        dropLookahead();
        // Nothing queued or in flight may land after the position is read, or it would be written twice.
        writer.quiesce();
        resumeOffset = Math.max(resumeOffset, lastOffset());
        ReadModelStore.Position position = ports.store().position();
        CustodyState state;
        lock.writeLock().lock();
        try {
            fold.state().discard();
            if (fold.state().lastSeq() > position.seq()) {
                // Only a read model emptied or restored from a backup behind the store's back gets here.
                LOG.warnf(
                        "%s: the state store stands at seq %d, past the read model at seq %d; folding from genesis",
                        settings.service(), fold.state().lastSeq(), position.seq());
                store.close();
                ports.state().wipe();
                store = ports.state().open();
                fold = openFold();
            }
            state = fold.state();
            standing = Standing.of(state);
        } finally {
            lock.writeLock().unlock();
        }
        queuedSeq = position.seq();
        writer.resumeAt(position.seq());
        log.seek(state.lastOffset() + 1);
        readPosition = state.lastOffset() + 1;
        if (endAtStart < 0) {
            endAtStart = log.endNow();
        }
        LOG.infof(
                "fold resumes at seq %d from %s; read model stands at seq %d",
                state.lastSeq(), ports.state().describe(), position.seq());
    }

    /**
     * Seals what the last poll changed and commits every generation the read model has passed (its position as
     * this replica last wrote or read it): the store never holds what the read model does not.
     */
    private void commitProjected() {
        long through = writer.projectedSeq();
        lock.writeLock().lock();
        try {
            long before = fold.state().committed().seq();
            fold.state().seal();
            fold.state().commitThrough(through);
            if (storeFailure != null && fold.state().committed().seq() > before) {
                LOG.infof(
                        "%s: the state store commits again, at seq %d",
                        settings.service(), fold.state().committed().seq());
                storeFailure = null;
            }
        } catch (StoreException e) {
            if (storeFailure == null) {
                LOG.errorf(
                        "%s: the state store in %s refuses to commit; not ready until it does, nothing is lost"
                                + " (the log holds every record): %s",
                        settings.service(), ports.state().describe(), e.getMessage());
            }
            storeFailure = e.getMessage();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void process(Prepared run, boolean writing) throws IOException {
        // Applying holds the lock a few records at a time, so that readers (intake's pre-checks above all) wait
        // for a handful of records, never for a whole poll.
        List<LogReader.Entry> records = run.records();
        List<LedgerRecord> decoded = run.decoded();
        if (run.verdicts() != null) {
            ahead.use(run.verdicts());
        }
        List<Folded> folded = new ArrayList<>(records.size());
        for (int from = 0; from < decoded.size(); from += RECORDS_PER_LOCK) {
            int to = Math.min(decoded.size(), from + RECORDS_PER_LOCK);
            lock.writeLock().lock();
            try {
                for (int i = from; i < to; i++) {
                    folded.add(new Folded(decoded.get(i), records.get(i).value(), fold.apply(decoded.get(i))));
                }
                standing = Standing.of(fold.state());
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
        int from = 0;
        int weight = 0;
        for (int i = 0; i < unwritten.size(); i++) {
            weight += weight(unwritten.get(i).outcome());
            boolean lastRun = i == unwritten.size() - 1;
            if (lastRun || weight >= ReadModelWriter.MAX_WEIGHT) {
                submit(unwritten.subList(from, i + 1), state, weight);
                from = i + 1;
                weight = 0;
            }
        }
    }

    /** A run of records (rows built from the state after the poll) to the writer, with its position. */
    private void submit(List<Folded> run, CustodyState state, int weight) {
        Folded last = run.get(run.size() - 1);
        var checkpoint = new Checkpoint(
                queuedSeq,
                last.outcome().seq(),
                last.record().offset(),
                last.record().recordTime());
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
        Instant time = standing.recordTime();
        return time == null || logEndOffset <= readPosition
                ? 0
                : Duration.between(time, Instant.now()).toMillis() / 1000.0;
    }

    /** The fold's position and commitment after a run of records, as one value so that readers see them agree. */
    private record Standing(
            long seq, long offset, Instant recordTime, String commitment, long accepted, long rejected) {
        static Standing of(CustodyState state) {
            return new Standing(
                    state.lastSeq(),
                    state.lastOffset(),
                    state.lastRecordTime(),
                    state.commitment(),
                    state.acceptedCount(),
                    state.rejectedCount());
        }
    }
}
