package dev.custodyledger.label.batch;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One kind of long batch work (allocating, commissioning) on its own thread, a batch at a time. A job that fails
 * is logged and left where its last transaction put it; {@link #resume} picks such batches up at the next start.
 */
public final class BatchJobs {
    private static final Logger LOG = Logger.getLogger(BatchJobs.class);

    private final String work;
    private final Consumer<UUID> job;
    private final ExecutorService worker;

    /** {@code work} names it in logs and the thread, e.g. "allocation". */
    public BatchJobs(String work, Consumer<UUID> job) {
        this.work = work;
        this.job = job;
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "label-" + work));
    }

    public void submit(UUID batch) {
        worker.execute(() -> {
            try {
                job.accept(batch);
            } catch (RuntimeException e) {
                LOG.errorf(e, "the %s of batch %s stopped", work, batch);
            }
        });
    }

    /** Submits every batch left in {@code status} by the previous run. */
    public void resume(BatchStatus status) {
        LabelBatch.idsIn(status).forEach(id -> {
            LOG.infof("resuming the %s of batch %s", work, id);
            submit(id);
        });
    }

    public void stop() {
        worker.shutdownNow();
    }
}
