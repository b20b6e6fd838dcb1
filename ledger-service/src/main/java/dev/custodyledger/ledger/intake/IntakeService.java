package dev.custodyledger.ledger.intake;

import dev.custodyledger.core.event.MalformedEventException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.Decision;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.fold.NotCurrentException;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.fold.OutcomeWaiters;
import dev.custodyledger.ledger.fold.Settled;
import dev.custodyledger.ledger.sequencer.IntakeLog;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.MDC;

/**
 * The intake pipeline for one signed event: strict decoding, the signer and key, the signature and the
 * fold's rules against the current state (refused events are never appended), then one submission to the
 * sequencer per event id however often it is submitted concurrently here (the sequencer appends it once whichever
 * replicas it reached), and a bounded wait for the fold's outcome.
 */
@ApplicationScoped
public class IntakeService {
    private final OutcomeWaiters outcomes;
    private final LedgerView fold;
    private final IntakeLog intake;
    private final LedgerConfig config;
    private final Timer latency;
    private final MeterRegistry metrics;

    IntakeService(
            OutcomeWaiters outcomes, LedgerView fold, IntakeLog intake, LedgerConfig config, MeterRegistry metrics) {
        this.outcomes = outcomes;
        this.fold = fold;
        this.intake = intake;
        this.config = config;
        this.metrics = metrics;
        this.latency = Timer.builder("custody.intake.latency")
                .description("from request to answer")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** Decodes and submits; never throws for bad input, which becomes a problem answer. */
    public CompletionStage<Submission> submit(SignedEventOrError input) {
        long start = System.nanoTime();
        if (input.error() != null) {
            return CompletableFuture.completedFuture(refused(null, RejectionCode.MALFORMED, input.error()));
        }
        SignedEvent event = input.event();
        String id = event.id().toString();
        MDC.put("eventId", id);
        try {
            Optional<Rejection> refusal = fold.precheck(event, Instant.now());
            if (refusal.isPresent() && refusal.get().code() != RejectionCode.DUPLICATE) {
                return CompletableFuture.completedFuture(
                        refused(id, refusal.get().code(), refusal.get().getMessage()));
            }
            CompletableFuture<Settled> settled = appendOnce(event);
            long waitMillis = config.intake().waitFor().toMillis();
            return settled.thenApply(Optional::of)
                    .completeOnTimeout(Optional.empty(), waitMillis, TimeUnit.MILLISECONDS)
                    .thenApply(o -> o.map(this::answer).orElseGet(() -> Submission.pending(id)))
                    .exceptionally(e -> causeOf(e) instanceof NotCurrentException ? catchingUp(id) : unavailable(id, e))
                    .whenComplete((s, e) -> latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        } catch (NotCurrentException e) {
            // Checked under the fold's lock: a restore may begin at any moment, even after a look at current().
            return CompletableFuture.completedFuture(catchingUp(id));
        } finally {
            MDC.remove("eventId");
        }
    }

    /**
     * The first of concurrent submissions of one event appends it, unless the fold has decided it already; all of
     * them hear the one outcome. The fold is asked after registering, so that an event it folds meanwhile is
     * either seen here or completes the registration when it is folded.
     */
    private CompletableFuture<Settled> appendOnce(SignedEvent event) {
        OutcomeWaiters.Registration registration = outcomes.await(event.id());
        Decision decided;
        try {
            decided = fold.readCurrent(state -> state.decision(event.id()));
        } catch (NotCurrentException e) {
            if (registration.mustAppend()) {
                outcomes.abandon(event.id(), e);
            }
            throw e;
        }
        if (decided != null) {
            Settled settled = Settled.of(event.id(), decided);
            outcomes.settle(settled);
            return CompletableFuture.completedFuture(settled);
        }
        if (registration.mustAppend()) {
            Log.debugf(
                    "submitting %s from %s to the sequencer",
                    event.event().type(), event.event().header().actor());
            intake.submit(event.id(), event.envelopeBytes()).whenComplete((offset, error) -> {
                if (error != null) {
                    outcomes.abandon(event.id(), error);
                }
            });
        }
        return registration.outcome();
    }

    private Submission answer(Settled o) {
        if (o.accepted()) {
            return Submission.accepted(o);
        }
        String id = o.eventId().toString();
        return Submission.rejected(
                id, Problem.of(ProblemCode.of(o.code()), o.message()).rejected(id, o.seq()));
    }

    private static Throwable causeOf(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static Submission catchingUp(String id) {
        return Submission.rejected(
                id,
                Problem.of(ProblemCode.CATCHING_UP, "the ledger is catching up with its log; retry in a moment")
                        .about(id));
    }

    private static Submission unavailable(String id, Throwable e) {
        Log.errorf("append of %s failed: %s", id, e.getMessage());
        return Submission.rejected(
                id,
                Problem.of(ProblemCode.UNAVAILABLE, "the ledger could not take the event; retry later")
                        .about(id));
    }

    private Submission refused(String id, RejectionCode code, String message) {
        metrics.counter("custody.intake.refused", "code", code.name()).increment();
        Log.infof("refused at intake: %s %s", code, message);
        return Submission.rejected(id, Problem.of(ProblemCode.of(code), message).refused(id));
    }

    /** A decoded event, or why the bytes did not decode. */
    public record SignedEventOrError(SignedEvent event, String error) {
        public static SignedEventOrError decode(byte[] body) {
            try {
                return new SignedEventOrError(SignedEvent.decode(body), null);
            } catch (MalformedEventException e) {
                return new SignedEventOrError(null, e.getMessage());
            }
        }

        public static SignedEventOrError decode(com.fasterxml.jackson.databind.JsonNode envelope) {
            try {
                return new SignedEventOrError(SignedEvent.decode(envelope), null);
            } catch (MalformedEventException e) {
                return new SignedEventOrError(null, e.getMessage());
            }
        }
    }
}
