package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions waiting for the fold to reach their event. Keyed by event id, so that concurrent submissions of
 * the same event share one append and one answer. Whether an event is already in the ledger is the fold's to
 * say, never this map's: it holds only the events in flight.
 */
public final class OutcomeWaiters {
    private final ConcurrentHashMap<EventId, CompletableFuture<Settled>> waiting = new ConcurrentHashMap<>();

    /** The future for {@code id}, and whether this caller created it (and so must append the event). */
    Registration register(EventId id) {
        var created = new CompletableFuture<Settled>();
        CompletableFuture<Settled> existing = waiting.putIfAbsent(id, created);
        return existing == null ? new Registration(id, created, true) : new Registration(id, existing, false);
    }

    void complete(Settled settled) {
        CompletableFuture<Settled> future = waiting.remove(settled.eventId());
        if (future != null) {
            future.complete(settled);
        }
    }

    void fail(EventId id, Throwable error) {
        CompletableFuture<Settled> future = waiting.remove(id);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    public record Registration(EventId id, CompletableFuture<Settled> outcome, boolean mustAppend) {}
}
