package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.projection.LedgerProjection;
import dev.custodyledger.ledger.projection.ProjectionBatch;
import dev.custodyledger.projection.FoldDefinition;
import dev.custodyledger.projection.FoldListener;
import dev.custodyledger.projection.Folded;
import dev.custodyledger.projection.ProjectorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ledger-service folds: {@code custody.ledger} into the ledger's read model, and what intake needs from the
 * fold besides: the outcomes of recent events, published before the state shows them, and the answers waiting for
 * them. Answers wait for the fold, not for the database.
 */
@ApplicationScoped
public class LedgerFold implements FoldListener {
    private static final int RECENT_OUTCOMES = 200_000;

    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final Map<EventId, Outcome> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventId, Outcome> eldest) {
            return size() > RECENT_OUTCOMES;
        }
    };

    @Produces
    @Singleton
    FoldDefinition<ProjectionBatch> definition(LedgerConfig config, KafkaAccess kafka, LedgerProjection projection) {
        // Intake verified every signature it appended; the auditor's replay re-verifies them all.
        var settings = ProjectorSettings.of(
                "ledger",
                kafka,
                config.operator(),
                config.ledger(),
                config.projection(),
                SignatureCheck.VERIFIED_UPSTREAM);
        return new FoldDefinition<>(settings, projection, this);
    }

    @Override
    public void publish(List<Folded> folded) {
        synchronized (recent) {
            for (Folded f : folded) {
                Outcome o = f.outcome();
                if (o.eventId() != null && o.code() != RejectionCode.DUPLICATE) {
                    recent.putIfAbsent(o.eventId(), o);
                }
            }
        }
    }

    @Override
    public void folded(List<Folded> folded) {
        folded.forEach(f -> waiters.complete(f.outcome()));
    }

    /** The outcome to wait for, and whether this caller is the one to append the event. */
    public OutcomeWaiters.Registration await(EventId id) {
        return waiters.register(id);
    }

    /** The append failed: every submission waiting for the event hears so. */
    public void abandon(EventId id, Throwable error) {
        waiters.fail(id, error);
    }

    /** The outcome the fold recorded for {@code id}, if it is among the recent ones kept in memory. */
    public Optional<Outcome> recentOutcome(EventId id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id));
        }
    }
}
