package dev.custodyledger.ledger.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.ledger.fold.Settled;
import dev.custodyledger.problem.Problem;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to one submitted event: accepted (201), rejected or refused (problem), or still pending (202). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submission(int status, String eventId, Long seq, Instant recordTime, String outcome, Problem problem) {

    static Submission accepted(Settled o) {
        return new Submission(201, o.eventId().toString(), o.seq(), o.recordTime(), "ACCEPTED", null);
    }

    /** Not accepted: refused at intake, rejected by the fold, or not decided (503), as the problem says. */
    static Submission rejected(String eventId, Problem problem) {
        return new Submission(problem.status(), eventId, problem.seq(), null, "REJECTED", problem);
    }

    static Submission pending(String eventId) {
        return new Submission(202, eventId, null, null, "PENDING", null);
    }

    /** The body a single submission answers with: the outcome, or the problem. */
    public Object body() {
        return problem != null
                ? problem
                : new Body(eventId, seq, recordTime, outcome, status == 202 ? "/v1/events/" + eventId : null);
    }

    /** An accepted or pending event; {@code status} is where to follow a pending one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EventOutcome")
    public record Body(String eventId, Long seq, Instant recordTime, String outcome, String status) {}
}
