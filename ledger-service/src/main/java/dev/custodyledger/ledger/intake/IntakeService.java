package dev.custodyledger.ledger.intake;

import dev.custodyledger.core.event.MalformedEventException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.fold.Intake;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.projection.LedgerProjector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.MDC;

/**
 * The intake pipeline for one signed event: strict decoding, the signer and key, the signature and the
 * fold's rules against the current state (refused events are never appended), then one append per event id
 * and a bounded wait for the fold's outcome.
 */
@ApplicationScoped
public class IntakeService {
    private final Intake intake;
    private final LedgerConfig config;
    private final Counter appended;
    private final Timer latency;
    private final MeterRegistry metrics;

    IntakeService(Intake intake, LedgerConfig config, MeterRegistry metrics) {
        this.intake = intake;
        this.config = config;
        this.metrics = metrics;
        this.appended = Counter.builder("custody.events.appended")
                .description("events appended to the ledger")
                .register(metrics);
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
            Optional<Outcome> known = intake.outcomes().recentOutcome(event.id());
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(answer(known.get()));
            }
            Optional<Rejection> refusal;
            try {
                refusal = intake.fold().precheck(event, Instant.now());
            } catch (LedgerProjector.NotCurrentException e) {
                // Checked under the fold's lock: a restore may begin at any moment, even after a look at current().
                return CompletableFuture.completedFuture(Submission.rejected(
                        id,
                        Problem.of(ProblemCode.CATCHING_UP, "the ledger is catching up with its log; retry in a moment")
                                .about(id)));
            }
            if (refusal.isPresent() && refusal.get().code() != RejectionCode.DUPLICATE) {
                return CompletableFuture.completedFuture(
                        refused(id, refusal.get().code(), refusal.get().getMessage()));
            }
            if (refusal.isPresent()) {
                // Folded since the first look (outcomes are published before the state shows the event), or
                // folded long ago and no longer among the recent outcomes: then the status resource has it.
                return CompletableFuture.completedFuture(intake.outcomes()
                        .recentOutcome(event.id())
                        .map(this::answer)
                        .orElseGet(() -> Submission.pending(id)));
            }
            Log.debugf(
                    "appending %s from %s",
                    event.event().type(), event.event().header().actor());
            CompletableFuture<Outcome> outcome = intake.appendOnce(event, appended);
            long waitMillis = config.intake().waitFor().toMillis();
            return outcome.thenApply(Optional::of)
                    .completeOnTimeout(Optional.empty(), waitMillis, TimeUnit.MILLISECONDS)
                    .thenApply(o -> o.map(this::answer).orElseGet(() -> Submission.pending(id)))
                    .exceptionally(e -> {
                        Log.errorf("append of %s failed: %s", id, e.getMessage());
                        return Submission.rejected(
                                id,
                                Problem.of(ProblemCode.UNAVAILABLE, "the ledger could not take the event; retry later")
                                        .about(id));
                    })
                    .whenComplete((s, e) -> latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        } finally {
            MDC.remove("eventId");
        }
    }

    private Submission answer(Outcome o) {
        if (o.accepted()) {
            return Submission.accepted(o);
        }
        String id = o.eventId().toString();
        return Submission.rejected(
                id, Problem.of(ProblemCode.of(o.code()), o.message()).rejected(id, o.seq()));
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
