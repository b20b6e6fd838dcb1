package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.Outcome;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** Appends an event at most once per replica however often it is submitted concurrently, and hands back its outcome. */
@ApplicationScoped
public class Intake {
    private final LedgerFolder folder;
    private final LedgerAppender appender;

    Intake(LedgerFolder folder, LedgerAppender appender) {
        this.folder = folder;
        this.appender = appender;
    }

    public LedgerFolder folder() {
        return folder;
    }

    public CompletableFuture<Outcome> appendOnce(SignedEvent event, Counter appended) {
        OutcomeWaiters.Registration registration = folder.await(event.id());
        if (registration.mustAppend()) {
            appender.append(event.envelopeBytes()).whenComplete((offset, error) -> {
                if (error != null) {
                    folder.abandon(event.id(), error);
                } else {
                    appended.increment();
                }
            });
        }
        return registration.outcome();
    }
}
