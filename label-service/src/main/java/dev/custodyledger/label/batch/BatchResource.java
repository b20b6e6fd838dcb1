package dev.custodyledger.label.batch;

import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.label.access.Producers;
import dev.custodyledger.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/label-batches")
@SecurityRequirement(name = "partyCredential")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class BatchResource {
    static final String EXAMPLE = "{\"gtin\":\"09506000134352\",\"lot\":\"L2611\",\"expiry\":\"2028-06-30\","
            + "\"quantity\":1000,\"product\":{\"name\":\"Infant formula 800 g\",\"brand\":\"ACME\"}}";

    private final BatchService batches;
    private final SerialAllocator allocator;
    private final Producers producers;

    BatchResource(BatchService batches, SerialAllocator allocator, Producers producers) {
        this.batches = batches;
        this.allocator = allocator;
        this.producers = producers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a label batch",
            description = "Draws `quantity` unguessable serials (60 bits from a CSPRNG, unique per GTIN) in the"
                    + " background; follow Location for progress. The GTIN must be under the producer's company"
                    + " prefixes and the producer needs a label key registered on the ledger.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewLabelBatch"),
                            examples = @ExampleObject(name = "batch", value = EXAMPLE)))
    @APIResponse(
            responseCode = "202",
            description = "accepted: status ALLOCATING, progress at Location",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "MALFORMED (problem+json)")
    @APIResponse(responseCode = "403", description = "GTIN_NOT_OWNED, ROLE_NOT_ALLOWED, CREDENTIAL_REVOKED")
    @APIResponse(responseCode = "409", description = "LABEL_KEY_NOT_REGISTERED")
    public Uni<Response> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        PartyState producer = producers.authenticate(authorization);
        NewBatch request = NewBatch.parse(body, LocalDate.now(ZoneOffset.UTC));
        return batches.create(producer, request).map(batch -> {
            allocator.submit(batch.id);
            return Response.accepted(BatchView.of(batch, null, List.of()))
                    .location(URI.create("/v1/label-batches/" + batch.id))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }

    @GET
    @Operation(summary = "The calling producer's 100 most recent batches")
    public Uni<List<BatchView>> recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return batches.recent(producers.authenticate(authorization));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A batch: status, allocation / commissioning / rendering progress, and each commission chunk")
    public Uni<BatchView> batch(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return batches.view(producers.authenticate(authorization), id);
    }
}
