package dev.custodyledger.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.Decision;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.ledger.access.Caller;
import dev.custodyledger.ledger.access.CredentialFilter;
import dev.custodyledger.ledger.readmodel.LedgerRecordRow;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/v1/events/{eventId}")
public class EventStatusResource {
    private static final String BY_EVENT_ID =
            LedgerRecordRow.TABLE.select("r") + " where r.event_id = $1 order by r.seq limit 1";

    private final LedgerView fold;
    private final Pool database;

    EventStatusResource(LedgerView fold, Pool database) {
        this.fold = fold;
        this.database = database;
    }

    private static JsonNode readableEnvelope(Caller caller, LedgerRecordRow row) {
        JsonNode envelope =
                row.envelope() == null ? null : StrictJson.parse(row.envelope().getBytes(StandardCharsets.UTF_8));
        return mayRead(caller, envelope) ? envelope : null;
    }

    /** The body is for the operator, the signer, a named receiver, and the brand owner of a named item. */
    static boolean mayRead(Caller caller, JsonNode envelope) {
        if (caller == null || envelope == null) {
            return false;
        }
        JsonNode event = envelope.path("event");
        if (caller.isOperator()
                || caller.id().equals(event.path("actor").asText())
                || caller.id().equals(event.path("to").asText())) {
            return true;
        }
        for (JsonNode unit : event.path("units")) {
            try {
                if (caller.owns(dev.custodyledger.core.gs1.UnitCode.parse(unit.asText()))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
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
            @Schema(ref = "SignedEnvelope") JsonNode envelope) {}

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary =
                    "The status of an event (public) and its signed body (for the parties involved, with a credential)")
    public Uni<EventStatus> status(@PathParam("eventId") String eventId, @Context ContainerRequestContext request) {
        Caller caller = request.getProperty(CredentialFilter.CALLER) instanceof Caller c ? c : null;
        EventId id;
        try {
            id = EventId.parse(eventId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
        return database.preparedQuery(BY_EVENT_ID)
                .execute(Tuple.of(id.toString()))
                .map(rows -> {
                    if (rows.size() > 0) {
                        LedgerRecordRow row =
                                LedgerRecordRow.TABLE.read(rows.iterator().next());
                        return new EventStatus(
                                row.eventId(),
                                row.outcome(),
                                row.seq(),
                                row.kafkaOffset(),
                                row.recordTime(),
                                row.code(),
                                row.message(),
                                readableEnvelope(caller, row));
                    }
                    // Folded, its row not written yet: the fold's decision, without the message the row will hold.
                    Decision d = fold.read(state -> state.decision(id));
                    if (d == null) {
                        throw new ProblemException(
                                ProblemCode.NOT_FOUND, "no event " + eventId + " in the ledger (yet)");
                    }
                    return new EventStatus(
                            eventId,
                            d.accepted() ? "ACCEPTED" : "REJECTED",
                            d.seq(),
                            d.offset(),
                            d.recordTime(),
                            d.accepted() ? null : d.code().name(),
                            null,
                            null);
                });
    }
}
