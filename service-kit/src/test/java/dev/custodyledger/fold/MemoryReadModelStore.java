package dev.custodyledger.fold;

import dev.custodyledger.core.fold.CustodyState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A read model in memory with the store's fence: its rows are the seqs of the records written, and a write that
 * does not continue from the stored position is refused, as PostgreSQL's conditional update refuses it. A write
 * can be made to fail, or to wait, so that tests can put the engine where real databases put it.
 */
final class MemoryReadModelStore implements ReadModelStore<List<Long>>, ReadModel<List<Long>> {
    private final List<Long> rows = new ArrayList<>();
    private final List<Long> everWritten = new ArrayList<>();
    private Position position = new Position(0, -1, null);
    private int failures;
    private CountDownLatch hold;
    private volatile CountDownLatch held;
    private final CountDownLatch holding = new CountDownLatch(1);
    private int drops;

    // ---- what the test controls

    synchronized void failNextWrites(int count) {
        failures = count;
    }

    /** The next write waits until {@link #release}; {@link #awaitHolding} returns once it does. */
    synchronized void holdNextWrite() {
        hold = new CountDownLatch(1);
    }

    void awaitHolding() throws InterruptedException {
        if (!holding.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no write arrived");
        }
    }

    void release() {
        held.countDown();
    }

    synchronized List<Long> rows() {
        return List.copyOf(rows);
    }

    /** Every row ever written, drops included: a record written twice shows here twice. */
    synchronized List<Long> everWritten() {
        return List.copyOf(everWritten);
    }

    /** Another replica wrote up to {@code seq}: the stored position moves without a write through this engine. */
    synchronized void writtenElsewhereUpTo(long seq) {
        position = new Position(seq, seq - 1, null);
    }

    synchronized int drops() {
        return drops;
    }

    // ---- the store

    @Override
    public synchronized Position position() {
        return position;
    }

    @Override
    public void write(Checkpoint c, List<Long> written) {
        CountDownLatch waitFor;
        synchronized (this) {
            waitFor = hold;
            hold = null;
        }
        if (waitFor != null) {
            held = waitFor;
            holding.countDown();
            try {
                waitFor.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("the database went away");
            }
            if (position.seq() != c.previousSeq()) {
                throw new IllegalStateException(
                        "fenced: the store is at " + position.seq() + ", not " + c.previousSeq());
            }
            rows.addAll(written);
            everWritten.addAll(written);
            position = new Position(c.seq(), c.offset(), c.recordTime());
        }
    }

    @Override
    public synchronized void dropAll() {
        rows.clear();
        position = new Position(0, -1, null);
        drops++;
    }

    // ---- the projection: a record's row is its seq

    @Override
    public List<Long> rows(List<Folded> folded, CustodyState state, long previousSeq) {
        return folded.stream().map(f -> f.outcome().seq()).toList();
    }

    @Override
    public List<Long> merge(List<List<Long>> consecutive) {
        return consecutive.stream().flatMap(List::stream).toList();
    }

    @Override
    public Uni<Void> write(SqlConnection transaction, List<Long> rows) {
        throw new UnsupportedOperationException("rows go to memory through the store");
    }

    @Override
    public List<String> tables() {
        return List.of();
    }
}
