package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.projection.LedgerProjection;
import dev.custodyledger.ledger.projection.ProjectionBatch;
import dev.custodyledger.projection.FoldListener;
import dev.custodyledger.projection.Folded;
import dev.custodyledger.projection.LedgerProjector;
import dev.custodyledger.projection.ProjectorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger's authoritative fold: the shared projection engine folding {@code custody.ledger} into the ledger's
 * read model, plus what intake needs from it: the outcomes of recent events, published before the state shows
 * them, and the answers waiting for them. Answers wait for the fold, not for the database.
 */
@ApplicationScoped
public class LedgerFolder implements FoldListener {
    private static final int RECENT_OUTCOMES = 200_000;

    private final LedgerProjector<ProjectionBatch> projector;
    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final Map<EventId, Outcome> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventId, Outcome> eldest) {
            return size() > RECENT_OUTCOMES;
        }
    };

    LedgerFolder(
            LedgerConfig config, KafkaAccess kafka, LedgerProjection projection, Pool database, MeterRegistry metrics) {
        // Intake verified every signature it appended; the auditor's replay re-verifies them all.
        var settings = ProjectorSettings.of(
                "ledger",
                kafka,
                config.operator(),
                config.ledger(),
                config.projection(),
                SignatureCheck.VERIFIED_UPSTREAM);
        this.projector = new LedgerProjector<>(settings, projection, this, database, metrics);
    }

    void start(@Observes StartupEvent event) {
        projector.start();
    }

    void stop(@Observes ShutdownEvent event) {
        projector.close();
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

    public LedgerProjector<ProjectionBatch> projector() {
        return projector;
    }

    public TrustAnchor anchor() {
        return projector.anchor();
    }

    public <T> T read(Function<CustodyState, T> reader) {
        return projector.read(reader);
    }

    public Optional<Rejection> precheck(SignedEvent event, Instant now) {
        return projector.precheck(event, now);
    }

    OutcomeWaiters.Registration await(EventId id) {
        return waiters.register(id);
    }

    void abandon(EventId id, Throwable error) {
        waiters.fail(id, error);
    }

    /** The outcome the fold recorded for {@code id}, if it is among the recent ones kept in memory. */
    public Optional<Outcome> recentOutcome(EventId id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id));
        }
    }

    public boolean current() {
        return projector.current();
    }

    public LedgerProjector.Head head() {
        return projector.head();
    }

    public void rebuild() {
        projector.rebuild();
    }

    public void restoreFromCheckpoint() {
        projector.restoreFromCheckpoint();
    }
}
