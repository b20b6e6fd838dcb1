package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions waiting for the fold to reach their event. Keyed by event id, so that concurrent submissions of
 * the same event share one append and one answer.
 */
public final class OutcomeWaiters {
    private final ConcurrentHashMap<EventId, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();

    /** The future for {@code id}, and whether this caller created it (and so must append the event). */
    Registration register(EventId id) {
        var created = new CompletableFuture<Outcome>();
        CompletableFuture<Outcome> existing = waiting.putIfAbsent(id, created);
        return existing == null ? new Registration(created, true) : new Registration(existing, false);
    }

    void complete(Outcome outcome) {
        if (outcome.eventId() == null) {
            return;
        }
        CompletableFuture<Outcome> future = waiting.remove(outcome.eventId());
        if (future != null) {
            future.complete(outcome);
        }
    }

    void fail(EventId id, Throwable error) {
        CompletableFuture<Outcome> future = waiting.remove(id);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    public record Registration(CompletableFuture<Outcome> outcome, boolean mustAppend) {}
}
