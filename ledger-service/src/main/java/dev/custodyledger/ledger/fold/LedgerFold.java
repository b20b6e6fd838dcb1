package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.fold.FoldDefinition;
import dev.custodyledger.fold.FoldListener;
import dev.custodyledger.fold.FoldSettings;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.readmodel.LedgerReadModel;
import dev.custodyledger.ledger.readmodel.LedgerRowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What ledger-service folds: {@code custody.ledger} into the ledger's read model, and the submissions waiting for
 * their events' outcomes, answered as the fold reaches each event. Answers wait for the fold, not for the
 * database; whether an event is already in the ledger is the fold's own decision index.
 */
@ApplicationScoped
public class LedgerFold implements FoldListener {
    private final OutcomeWaiters waiters = new OutcomeWaiters();

    @Produces
    @Singleton
    FoldDefinition<LedgerRowSet> definition(LedgerConfig config, KafkaAccess kafka, LedgerReadModel readModel) {
        // Intake verified every signature it appended; the auditor's replay re-verifies them all.
        var settings = FoldSettings.of(
                "ledger",
                kafka,
                config.operator(),
                config.ledger(),
                config.projection(),
                SignatureCheck.VERIFIED_UPSTREAM);
        return new FoldDefinition<>(settings, readModel, this);
    }

    @Override
    public void folded(List<Folded> folded) {
        for (Folded f : folded) {
            Outcome o = f.outcome();
            // A duplicate's waiters heard the first copy's outcome; records that did not decode have no waiters.
            if (o.eventId() != null && o.code() != RejectionCode.DUPLICATE) {
                waiters.complete(Settled.of(o));
            }
        }
    }

    /** The outcome to wait for, and whether this caller is the one to append the event. */
    public OutcomeWaiters.Registration await(EventId id) {
        return waiters.register(id);
    }

    /** The event is decided already (the fold said so after the caller registered): its waiters hear it now. */
    public void settle(Settled settled) {
        waiters.complete(settled);
    }

    /** The append failed, or was never made: every submission waiting for the event hears so. */
    public void abandon(EventId id, Throwable error) {
        waiters.fail(id, error);
    }
}
