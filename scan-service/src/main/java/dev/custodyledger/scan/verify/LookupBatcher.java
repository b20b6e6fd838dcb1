package dev.custodyledger.scan.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Groups lookups into read-model statements (ADR 13). A lookup goes out at once while fewer than {@code inFlight}
 * statements run; otherwise it waits, and the next statement takes every waiting lookup, up to {@code maxBatch},
 * in the order they came. At a trickle nothing waits; under load statements fill up by themselves, and
 * PostgreSQL's cost is per statement far more than per unit. Safe to use from any thread: whoever adds a lookup or
 * finishes a statement sends what waits, so a lookup never waits without a statement coming for it.
 *
 * @param <T> a waiting lookup
 */
final class LookupBatcher<T> {
    private final int inFlightLimit;
    private final int maxBatch;
    private final Consumer<List<T>> statement;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param statement sends one statement for the batch it is given; its caller reports the end through
     *     {@link #finished()}, whether it succeeded or not
     */
    LookupBatcher(int inFlightLimit, int maxBatch, Consumer<List<T>> statement) {
        if (inFlightLimit < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("statements in flight and lookups per statement must be at least 1");
        }
        this.inFlightLimit = inFlightLimit;
        this.maxBatch = maxBatch;
        this.statement = statement;
    }

    void add(T lookup) {
        waiting.add(lookup);
        sendWaiting();
    }

    /** A statement has ended (answered or failed): its slot is free for what waits. */
    void finished() {
        inFlight.decrementAndGet();
        sendWaiting();
    }

    private void sendWaiting() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= inFlightLimit) {
                return; // the running statement's end sends what waits
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<T> batch = new ArrayList<>();
            T next;
            while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
            } else {
                statement.accept(batch);
            }
        }
    }
}
