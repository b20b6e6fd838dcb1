package dev.custodyledger.ledger.fold;

import dev.custodyledger.ledger.projection.ProjectionBatch;
import dev.custodyledger.ledger.projection.ProjectionWriter;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes projection batches on its own thread, so that folding (and the answers waiting on it) never waits
 * for the database. Batches that queued up meanwhile are merged into one transaction. Every write is still
 * fenced by the stored position; after a failure the folding thread restores from the checkpoint and
 * {@link #reset} discards whatever was queued for the abandoned attempt.
 */
final class ProjectionPipeline implements AutoCloseable {
    private static final int MERGE_AT_MOST = 16;

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(32);
    private final ProjectionWriter writer;
    private final Timer writes;
    private final Thread thread;
    private volatile int epoch;
    private volatile long projectedSeq;
    private volatile Throwable failure;
    private volatile boolean running = true;

    private record Job(int epoch, ProjectionBatch batch) {}

    ProjectionPipeline(ProjectionWriter writer, Timer writes) {
        this.writer = writer;
        this.writes = writes;
        this.thread = new Thread(this::run, "projection-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Forget queued work: the stored projection stands at {@code storedSeq}. Called by the folding thread. */
    void reset(long storedSeq) {
        epoch++;
        queue.clear();
        projectedSeq = storedSeq;
        failure = null;
    }

    /** Queues a batch; blocks while the writer is behind (back-pressure); throws if the last write failed. */
    void submit(ProjectionBatch batch) throws InterruptedException {
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("a projection write failed: " + failed.getMessage(), failed);
        }
        queue.put(new Job(epoch, batch));
    }

    long projectedSeq() {
        return projectedSeq;
    }

    private void run() {
        while (running) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null || first.epoch() != epoch) {
                    continue;
                }
                List<ProjectionBatch> group = new ArrayList<>(List.of(first.batch()));
                for (Job next;
                        group.size() < MERGE_AT_MOST
                                && (next = queue.peek()) != null
                                && next.epoch() == first.epoch(); ) {
                    group.add(queue.poll().batch());
                }
                ProjectionBatch merged = ProjectionBatch.merge(group);
                long start = System.nanoTime();
                try {
                    VertxContextSupport.subscribeAndAwait(() -> writer.write(merged));
                    writes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    if (first.epoch() == epoch) {
                        projectedSeq = merged.seq();
                    }
                } catch (Throwable e) {
                    if (first.epoch() == epoch) {
                        Log.warnf("projection write failed at seq %d: %s", merged.seq(), e.getMessage());
                        failure = e;
                        queue.clear();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
