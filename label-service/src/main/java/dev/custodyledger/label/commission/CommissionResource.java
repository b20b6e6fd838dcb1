package dev.custodyledger.label.commission;

import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.label.access.Producers;
import dev.custodyledger.label.batch.BatchService;
import dev.custodyledger.label.batch.BatchStatus;
import dev.custodyledger.label.batch.BatchView;
import dev.custodyledger.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/label-batches/{id}/commission")
@SecurityRequirement(name = "partyCredential")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CommissionResource {
    private final BatchService batches;
    private final Commissioner commissioner;
    private final Producers producers;

    CommissionResource(BatchService batches, Commissioner commissioner, Producers producers) {
        this.batches = batches;
        this.commissioner = commissioner;
        this.producers = producers;
    }

    @POST
    @Operation(
            summary = "Commission the batch on the ledger",
            description = "COMMISSION events of at most 10,000 units, signed with the producer's custody key and"
                    + " submitted to ledger-service in the background; progress and each chunk's outcome at"
                    + " Location. Calling it again on a FAILED batch retries what failed; on a batch in progress"
                    + " or done it changes nothing.")
    @APIResponse(
            responseCode = "202",
            description = "commissioning (or already commissioned): the batch's view",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "409", description = "NOT_ALLOCATED, CUSTODY_KEY_NOT_REGISTERED")
    public Uni<Response> commission(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        PartyState producer = producers.authenticate(authorization);
        return batches.owned(producer, id)
                .chain(batch -> {
                    boolean wasRunning =
                            batch.state() == BatchStatus.COMMISSIONING || batch.state() == BatchStatus.COMMISSIONED;
                    return commissioner.begin(producer, batch.id).invoke(started -> {
                        if (!wasRunning) {
                            commissioner.submit(started.id);
                        }
                    });
                })
                .chain(batch -> batches.view(producer, batch.id.toString()))
                .map(view -> Response.accepted(view)
                        .location(URI.create("/v1/label-batches/" + id))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }
}
