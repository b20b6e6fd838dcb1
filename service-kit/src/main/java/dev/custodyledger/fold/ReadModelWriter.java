package dev.custodyledger.fold;

import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Writes projection batches on its own thread, so that folding (and the answers waiting on it) never waits
 * for the database. Batches that queued up meanwhile are merged into one transaction. Every write is still
 * fenced by the stored position; after a failure the folding thread restores from the checkpoint and
 * {@link #reset} discards whatever was queued for the abandoned attempt.
 */
final class ReadModelWriter<R> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);
    /**
     * Units touched per transaction, at most (a single record over the bound goes alone), so that a transaction's
     * rows stay bounded in memory and in time however records are sized.
     */
    static final int MAX_WEIGHT = 20_000;

    private static final long GATHER_MILLIS = 50;

    private final BlockingQueue<Job<R>> queue = new ArrayBlockingQueue<>(32);
    private final ReadModelStore<R> store;
    private final ReadModel<R> projection;
    private final Timer writes;
    private final Thread thread;
    /** Held for each write, so that {@link #quiesce} can wait for the one in flight. */
    private final ReentrantLock writing = new ReentrantLock();

    private volatile int epoch;
    private volatile long projectedSeq;
    private volatile Throwable failure;
    private volatile boolean running = true;

    private record Job<R>(int epoch, Checkpoint checkpoint, R rows, int weight) {}

    ReadModelWriter(ReadModelStore<R> store, ReadModel<R> projection, Timer writes) {
        this.store = store;
        this.projection = projection;
        this.writes = writes;
        this.thread = new Thread(this::run, "projection-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Forgets queued work and waits for the write in flight, if any: afterwards nothing of the abandoned attempt
     * can reach the database, so the stored position can be read. Called by the folding thread.
     */
    void quiesce() {
        epoch++;
        queue.clear();
        writing.lock();
        writing.unlock();
        failure = null;
    }

    /** The stored projection stands at {@code storedSeq}; queued batches continue from there. */
    void resumeAt(long storedSeq) {
        projectedSeq = storedSeq;
    }

    /** Throws if the last write failed, so that the folding thread restores even when no records arrive. */
    void requireHealthy() {
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("a projection write failed: " + brief(failed), failed);
        }
    }

    /** Queues a run; blocks while the writer is behind (back-pressure); throws if the last write failed. */
    void submit(Checkpoint checkpoint, R rows, int weight) throws InterruptedException {
        requireHealthy();
        queue.put(new Job<>(epoch, checkpoint, rows, weight));
    }

    /** The client's messages may quote a parameter, such as a megabyte of checkpoint: the first 300 characters. */
    private static String brief(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.substring(0, Math.min(300, message.length()));
    }

    long projectedSeq() {
        return projectedSeq;
    }

    private void run() {
        while (running) {
            try {
                Job<R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    if (queue.isEmpty() && first.weight() < MAX_WEIGHT / 10) {
                        // At a trickle every poll brings a record or two, and a transaction each would cost more
                        // than the rows: let the polls of a few milliseconds gather into one.
                        Thread.sleep(GATHER_MILLIS);
                    }
                    writeFrom(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes {@code first} and whatever queued behind it as one transaction, unless a quiesce abandoned it. */
    private void writeFrom(Job<R> first) {
        writing.lock();
        try {
            // Checked under the lock: a quiesce that returned has bumped the epoch before this point.
            if (first.epoch() != epoch) {
                return;
            }
            Checkpoint checkpoint = first.checkpoint();
            List<R> group = new ArrayList<>(List.of(first.rows()));
            int weight = first.weight();
            Job<R> next;
            // Only this thread takes from the queue, and a quiesce waits for this lock before anything new is
            // queued: a peeked job is the one polled, unless a quiesce cleared the queue meanwhile.
            while ((next = queue.peek()) != null
                    && next.epoch() == first.epoch()
                    && weight + next.weight() <= MAX_WEIGHT
                    && queue.poll() == next) {
                weight += next.weight();
                checkpoint = checkpoint.then(next.checkpoint());
                group.add(next.rows());
            }
            R merged = group.size() == 1 ? group.get(0) : projection.merge(group);
            Checkpoint position = checkpoint;
            long start = System.nanoTime();
            try {
                store.write(position, merged);
                writes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                projectedSeq = position.seq();
            } catch (Throwable e) {
                LOG.warnf("projection write failed at seq %d: %s", position.seq(), brief(e));
                failure = e;
                queue.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
