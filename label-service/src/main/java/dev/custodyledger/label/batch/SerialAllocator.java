package dev.custodyledger.label.batch;

import dev.custodyledger.core.gs1.Serial;
import dev.custodyledger.core.label.LabelSerials;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.label.config.LabelConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Draws a batch's serials from a CSPRNG and stores them chunk by chunk on its own thread. Each chunk and the
 * batch's count move in one transaction, so a restart resumes where the last chunk ended.
 */
@ApplicationScoped
public class SerialAllocator {
    private static final Logger LOG = Logger.getLogger(SerialAllocator.class);
    private static final int LOG_EVERY = 100_000;

    private final LabelRows labels;
    private final int chunk;
    private final SecureRandom random = new SecureRandom();
    private final Counter allocated;
    private final BatchJobs jobs = new BatchJobs("allocation", this::allocate);

    SerialAllocator(LabelRows labels, LabelConfig config, MeterRegistry metrics) {
        this.labels = labels;
        this.chunk = config.labels().allocationChunk();
        this.allocated = Counter.builder("labels.allocated")
                .description("labels whose serials were drawn and stored")
                .register(metrics);
    }

    void resume(@Observes StartupEvent event) {
        jobs.resume(BatchStatus.ALLOCATING);
    }

    void stop(@Observes ShutdownEvent event) {
        jobs.stop();
    }

    public void submit(UUID batch) {
        // A failure leaves the batch ALLOCATING at its last stored count; the next start resumes it.
        jobs.submit(batch);
    }

    private void allocate(UUID id) {
        LabelBatch batch = Blocking.await(() -> Panache.withSession(() -> LabelBatch.<LabelBatch>findById(id)));
        int done = batch.allocated;
        while (done < batch.quantity && !Thread.currentThread().isInterrupted()) {
            int count = Math.min(chunk, batch.quantity - done);
            int from = done;
            done = Blocking.await(() -> labels.allocate(id, batch.gtin, from, count, this::draw));
            allocated.increment(count);
            if (done / LOG_EVERY != from / LOG_EVERY || done == batch.quantity) {
                LOG.infof("batch %s: %d of %d labels allocated", id, done, batch.quantity);
            }
        }
    }

    private List<Serial> draw(int count) {
        var serials = new ArrayList<Serial>(count);
        for (int i = 0; i < count; i++) {
            serials.add(LabelSerials.next(random));
        }
        return serials;
    }
}
