package dev.custodyledger.ledger.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.JsonFormatException;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.intake.IntakeService.SignedEventOrError;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import dev.custodyledger.problem.ProblemMappers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/events")
public class EventIntakeResource {
    /** The worked example of docs/protocol.md: a real signature by its fixed key. */
    static final String EXAMPLE =
            "{\"event\":{\"actor\":\"acme-foods\",\"eventTime\":\"2026-11-28T10:15:30.123Z\",\"keyId\":\"ed25519:56475aa75463474c0285df5dbf2bcab7\",\"nonce\":\"n0000000000001\",\"to\":\"fresh-mart\",\"type\":\"HANDOFF\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"],\"v\":1},\"sig\":\"Om2DuSpS2fDwCJALOd9pOXoi5cS7vaxY-nzG705CVkg5YruAV40FAiJPJU4DOocAVCV_OpOHkTCG2Ou5RoS9CA\"}";

    private final IntakeService intake;
    private final LedgerConfig config;

    EventIntakeResource(IntakeService intake, LedgerConfig config) {
        this.intake = intake;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Submit one signed event",
            description = "Checks it, appends it to the ledger and waits (bounded) for the fold's outcome.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SignedEnvelope"),
                            examples = @ExampleObject(name = "handoff", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "appended and accepted by the fold",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Submission.Body.class)))
    @APIResponse(
            responseCode = "202",
            description = "appended; the fold has not reached it yet: follow Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Submission.Body.class)))
    @APIResponse(responseCode = "413", description = "TOO_LARGE: more than 1 MiB")
    @APIResponse(responseCode = "503", description = "CATCHING_UP or UNAVAILABLE: nothing decided, retry")
    @APIResponse(responseCode = "400", description = "MALFORMED or CLOCK_SKEW (problem+json)")
    @APIResponse(
            responseCode = "403",
            description = "signer refused: BAD_SIGNATURE, UNKNOWN_PARTY, UNKNOWN_KEY, KEY_REVOKED, … (problem+json)")
    @APIResponse(
            responseCode = "409",
            description = "rejected by the custody rules, with the rejection code (problem+json)")
    public Uni<Response> submit(byte[] body) {
        if (body.length > SignedEvent.MAX_ENVELOPE_BYTES) {
            throw new ProblemException(
                    ProblemCode.TOO_LARGE, "a signed event is at most " + SignedEvent.MAX_ENVELOPE_BYTES + " bytes");
        }
        return onRequestContext(intake.submit(SignedEventOrError.decode(body))).map(EventIntakeResource::respond);
    }

    @POST
    @Path("batch")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Submit up to 1,000 signed events",
            description = "Each event is independent; the answer lists one outcome per event, in order. A batch"
                    + " holding anything that is not a signed envelope is refused whole (400 MALFORMED naming the"
                    + " event's index) and nothing of it is appended.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SignedEnvelopeBatch")))
    @APIResponse(
            responseCode = "200",
            description = "one entry per event, in order, each with its own status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchAnswer.class)))
    @APIResponse(responseCode = "400", description = "MALFORMED: not a JSON array of signed envelopes")
    @APIResponse(responseCode = "413", description = "TOO_LARGE: more than 1,000 events or 8 MiB")
    public Uni<Response> submitBatch(byte[] body) {
        JsonNode array;
        try {
            array = StrictJson.parse(body);
        } catch (JsonFormatException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
        if (!array.isArray()) {
            throw new ProblemException(ProblemCode.MALFORMED, "a batch is a JSON array of signed envelopes");
        }
        if (array.size() == 0) {
            throw new ProblemException(ProblemCode.MALFORMED, "a batch holds at least one event");
        }
        if (array.size() > config.intake().maxBatch()) {
            throw new ProblemException(
                    ProblemCode.TOO_LARGE,
                    "a batch holds at most " + config.intake().maxBatch() + " events");
        }
        // Outside the schema is the client's bug, not an event's fate: the batch is refused whole, as an EPCIS
        // capture document is, and nothing is appended. What only the ledger can judge is answered per event.
        List<SignedEventOrError> events = new ArrayList<>(array.size());
        for (JsonNode envelope : array) {
            SignedEventOrError event = SignedEventOrError.decode(envelope);
            if (event.error() != null) {
                throw new ProblemException(ProblemCode.MALFORMED, "event " + events.size() + ": " + event.error());
            }
            events.add(event);
        }
        List<CompletableFuture<Submission>> answers = new ArrayList<>(events.size());
        for (SignedEventOrError event : events) {
            answers.add(intake.submit(event).toCompletableFuture());
        }
        return onRequestContext(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<BatchEntry> entries = new ArrayList<>(answers.size());
                    for (int i = 0; i < answers.size(); i++) {
                        Submission s = answers.get(i).join();
                        entries.add(new BatchEntry(
                                i, s.status(), s.eventId(), s.seq(), s.recordTime(), s.outcome(), s.problem()));
                    }
                    return Response.ok(new BatchAnswer(entries)).build();
                }));
    }

    /** Answers complete on the folding thread; the response must be finished on the request's own context. */
    private static <T> Uni<T> onRequestContext(CompletionStage<T> answer) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(answer).emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    public record BatchAnswer(List<BatchEntry> results) {}

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    /** One event's answer; {@code problem} when it was not accepted, its status the problem's. */
    public record BatchEntry(
            int index,
            int status,
            String eventId,
            Long seq,
            java.time.Instant recordTime,
            String outcome,
            Problem problem) {}

    static Response respond(Submission s) {
        if (s.problem() != null) {
            return ProblemMappers.respond(s.problem());
        }
        var response =
                Response.status(s.status()).type(MediaType.APPLICATION_JSON).entity(s.body());
        if (s.status() == 202 || s.status() == 201) {
            response.location(URI.create("/v1/events/" + s.eventId()));
        }
        return response.build();
    }
}
