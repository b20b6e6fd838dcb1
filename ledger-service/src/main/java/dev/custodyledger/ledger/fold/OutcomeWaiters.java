package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.fold.Folded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions waiting for the fold to reach their event, answered as the fold passes it. Keyed by event id, so
 * that concurrent submissions of the same event share one append and one answer. Whether an event is already in
 * the ledger is the fold's own decision index, never this map's: it holds only the events in flight.
 */
@ApplicationScoped
public class OutcomeWaiters {
    private final ConcurrentHashMap<EventId, CompletableFuture<Settled>> waiting = new ConcurrentHashMap<>();

    /** The outcome to wait for, and whether this caller is the one to append the event. */
    public Registration await(EventId id) {
        var created = new CompletableFuture<Settled>();
        CompletableFuture<Settled> existing = waiting.putIfAbsent(id, created);
        return existing == null ? new Registration(id, created, true) : new Registration(id, existing, false);
    }

    /** The fold's listener: each event's waiters hear its outcome once readers can see it. */
    void folded(List<Folded> folded) {
        for (Folded f : folded) {
            Outcome o = f.outcome();
            // A duplicate's waiters heard the first copy's outcome; records that did not decode have no waiters.
            if (o.eventId() != null && o.code() != RejectionCode.DUPLICATE) {
                settle(Settled.of(o));
            }
        }
    }

    /** The event is decided (the fold said so, perhaps after the caller registered): its waiters hear it now. */
    public void settle(Settled settled) {
        CompletableFuture<Settled> future = waiting.remove(settled.eventId());
        if (future != null) {
            future.complete(settled);
        }
    }

    /** The append failed, or was never made: every submission waiting for the event hears so. */
    public void abandon(EventId id, Throwable error) {
        CompletableFuture<Settled> future = waiting.remove(id);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    public record Registration(EventId id, CompletableFuture<Settled> outcome, boolean mustAppend) {}
}
