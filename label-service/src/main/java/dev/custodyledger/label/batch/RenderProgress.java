package dev.custodyledger.label.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Labels rendered so far per batch, for renderings in progress on this instance (not stored: a download is live). */
@ApplicationScoped
public class RenderProgress {
    private final Map<UUID, BatchView.Progress> running = new ConcurrentHashMap<>();

    /** A counter for one rendering; {@link Tracker#close} removes it. */
    public Tracker start(UUID batch, long total) {
        return new Tracker(batch, total);
    }

    public BatchView.Progress of(UUID batch) {
        return running.get(batch);
    }

    public final class Tracker implements AutoCloseable {
        private final UUID batch;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        private Tracker(UUID batch, long total) {
            this.batch = batch;
            this.total = total;
            running.put(batch, new BatchView.Progress(0, total));
        }

        public long advance(int count) {
            long now = done.addAndGet(count);
            running.put(batch, new BatchView.Progress(now, total));
            return now;
        }

        @Override
        public void close() {
            running.remove(batch);
        }
    }
}
