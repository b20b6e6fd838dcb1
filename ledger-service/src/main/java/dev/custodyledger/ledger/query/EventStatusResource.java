package dev.custodyledger.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.ledger.fold.LedgerFolder;
import dev.custodyledger.ledger.problem.Problem;
import dev.custodyledger.ledger.problem.ProblemException;
import dev.custodyledger.ledger.projection.LedgerRecordRow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/events/{eventId}")
public class EventStatusResource {
    private final LedgerFolder folder;

    EventStatusResource(LedgerFolder folder) {
        this.folder = folder;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventStatus(
            String eventId,
            String status,
            Long seq,
            Long offset,
            Instant recordTime,
            String code,
            String message,
            JsonNode envelope) {}

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The status and body of an event: ACCEPTED, REJECTED (with its code) or PENDING")
    public Uni<EventStatus> status(@PathParam("eventId") String eventId) {
        EventId id;
        try {
            id = EventId.parse(eventId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "MALFORMED", e.getMessage());
        }
        return LedgerRecordRow.<LedgerRecordRow>find("eventId = ?1 order by seq", id.toString())
                .firstResult()
                .map(row -> {
                    if (row != null) {
                        return new EventStatus(
                                row.eventId,
                                row.outcome,
                                row.seq,
                                row.kafkaOffset,
                                row.recordTime,
                                row.code,
                                row.message,
                                row.envelope == null
                                        ? null
                                        : StrictJson.parse(row.envelope.getBytes(StandardCharsets.UTF_8)));
                    }
                    return folder.recentOutcome(id)
                            .map(o -> new EventStatus(
                                    eventId,
                                    o.accepted() ? "ACCEPTED" : "REJECTED",
                                    o.seq(),
                                    o.offset(),
                                    o.recordTime(),
                                    o.code() == null ? null : o.code().name(),
                                    o.message(),
                                    null))
                            .orElseThrow(() -> new ProblemException(
                                    404, "UNKNOWN_EVENT", "no event " + eventId + " in the ledger (yet)"));
                });
    }
}
