package dev.custodyledger.scan.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Groups lookups into read-model statements (ADR 13). A lookup goes out at once when fewer than {@code inFlight}
 * statements run and the last one went out at least {@code spacingNanos} ago; otherwise it waits, and the next
 * statement takes every waiting lookup, up to {@code maxBatch}, in the order they came. At a trickle nothing
 * waits; at hundreds of lookups per second they share statements, and PostgreSQL's cost is per statement far
 * more than per unit. Safe to use from any thread: whoever adds a lookup, finishes a statement or fires the timer
 * sends what waits, so a lookup never waits without a statement or a timer coming for it.
 *
 * @param <T> a waiting lookup
 */
final class LookupBatcher<T> {
    /** Runs a task once some nanoseconds have passed (a Vert.x timer in the service). */
    @FunctionalInterface
    interface Timer {
        void after(long nanos, Runnable task);
    }

    private final int inFlightLimit;
    private final int maxBatch;
    private final long spacingNanos;
    private final LongSupplier clock;
    private final Timer timer;
    private final Consumer<List<T>> statement;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When the last statement went out; starts a spacing in the past, so that the first goes at once. */
    private final AtomicLong lastSent;

    private final AtomicBoolean timerSet = new AtomicBoolean();

    /**
     * @param statement sends one statement for the batch it is given; its caller reports the end through
     *     {@link #finished()}, whether it succeeded or not
     */
    LookupBatcher(
            int inFlightLimit,
            int maxBatch,
            long spacingNanos,
            LongSupplier clock,
            Timer timer,
            Consumer<List<T>> statement) {
        if (inFlightLimit < 1 || maxBatch < 1 || spacingNanos < 0) {
            throw new IllegalArgumentException("in flight and batch size must be at least 1, spacing not negative");
        }
        this.inFlightLimit = inFlightLimit;
        this.maxBatch = maxBatch;
        this.spacingNanos = spacingNanos;
        this.clock = clock;
        this.timer = timer;
        this.statement = statement;
        this.lastSent = new AtomicLong(clock.getAsLong() - spacingNanos);
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
            long last = lastSent.get();
            long now = clock.getAsLong();
            if (now - last < spacingNanos) {
                sendLater(spacingNanos - (now - last));
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            if (!lastSent.compareAndSet(last, now)) {
                inFlight.decrementAndGet(); // another thread sent meanwhile: look again
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

    private void sendLater(long nanos) {
        if (timerSet.compareAndSet(false, true)) {
            timer.after(nanos, () -> {
                timerSet.set(false);
                sendWaiting();
            });
        }
    }
}
