package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Decision;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.RejectionCode;
import java.time.Instant;

/**
 * How an event fared in the fold, as intake answers it: from the outcome as the fold folds it, or from the
 * decision the fold keeps for every event id, which holds no message: a resubmission of a rejected event is
 * answered with the code, the seq and where to read the rest.
 */
public record Settled(EventId eventId, long seq, Instant recordTime, RejectionCode code, String message) {

    static Settled of(Outcome o) {
        return new Settled(o.eventId(), o.seq(), o.recordTime(), o.code(), o.message());
    }

    public static Settled of(EventId id, Decision d) {
        String message = d.accepted()
                ? null
                : "event " + id + " was rejected at seq " + d.seq() + " (" + d.code() + "); see /v1/events/" + id;
        return new Settled(id, d.seq(), d.recordTime(), d.code(), message);
    }

    public boolean accepted() {
        return code == null;
    }
}
