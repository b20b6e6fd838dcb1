package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.projection.LedgerView;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** Appends an event at most once per replica however often it is submitted concurrently, and hands back its outcome. */
@ApplicationScoped
public class Intake {
    private final LedgerFold outcomes;
    private final LedgerView fold;
    private final LedgerAppender appender;

    Intake(LedgerFold outcomes, LedgerView fold, LedgerAppender appender) {
        this.outcomes = outcomes;
        this.fold = fold;
        this.appender = appender;
    }

    /** The fold, to pre-check against. */
    public LedgerView fold() {
        return fold;
    }

    /** The outcomes the fold recorded lately. */
    public LedgerFold outcomes() {
        return outcomes;
    }

    public CompletableFuture<Outcome> appendOnce(SignedEvent event, Counter appended) {
        OutcomeWaiters.Registration registration = outcomes.await(event.id());
        if (registration.mustAppend()) {
            appender.append(event.envelopeBytes()).whenComplete((offset, error) -> {
                if (error != null) {
                    outcomes.abandon(event.id(), error);
                } else {
                    appended.increment();
                }
            });
        }
        return registration.outcome();
    }
}
