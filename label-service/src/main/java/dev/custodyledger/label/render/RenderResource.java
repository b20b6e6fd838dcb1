package dev.custodyledger.label.render;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.json.JsonRequest;
import dev.custodyledger.label.access.Producers;
import dev.custodyledger.label.batch.BatchService;
import dev.custodyledger.label.batch.BatchStatus;
import dev.custodyledger.label.batch.LabelBatch;
import dev.custodyledger.label.keys.KeyService;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

@Path("/v1/label-batches/{id}/labels")
@SecurityRequirement(name = "partyCredential")
public class RenderResource {
    private static final Logger LOG = Logger.getLogger(RenderResource.class);

    private final BatchService batches;
    private final KeyService keys;
    private final LabelRenderer renderer;
    private final Producers producers;

    RenderResource(BatchService batches, KeyService keys, LabelRenderer renderer, Producers producers) {
        this.batches = batches;
        this.keys = keys;
        this.renderer = renderer;
        this.producers = producers;
    }

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces({"application/zip", "application/pdf", "text/csv", Problem.MEDIA_TYPE})
    @Operation(
            summary = "Render labels, streamed",
            description = "format=svg|png (a ZIP with one file per label), pdf (an A4 sheet, 15 labels a page, with"
                    + " human-readable text and a batch header) or csv (the manifest for printing lines);"
                    + " from/to choose a range in print order (default: the whole batch).")
    public Response labels(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            @QueryParam("format") @DefaultValue("pdf") String formatText,
            @QueryParam("from") @DefaultValue("1") int from,
            @QueryParam("to") @DefaultValue("0") int toParam) {
        PartyState producer = producers.authenticate(authorization);
        LabelFormat format = LabelFormat.parse(formatText);
        LabelBatch batch = Blocking.await(() -> batches.owned(producer, id));
        if (batch.state() == BatchStatus.ALLOCATING) {
            throw new ProblemException(
                    ProblemCode.NOT_ALLOCATED,
                    "batch " + id + " has " + batch.allocated + " of " + batch.quantity + " labels so far; try again"
                            + " when its status is ALLOCATED");
        }
        int to = toParam == 0 ? batch.quantity : toParam;
        if (from < 1 || to > batch.quantity || from > to) {
            throw JsonRequest.malformed("from and to must satisfy 1 <= from <= to <= " + batch.quantity);
        }
        Ed25519PrivateKey labelKey = Blocking.await(() -> keys.held(batch.labelKeyId))
                .map(keys::open)
                .orElseThrow();
        StreamingOutput body = out -> {
            try {
                renderer.render(batch, labelKey, format, from, to, out);
            } catch (RuntimeException e) {
                // Headers are gone: the client sees a truncated download, which a ZIP or PDF reader detects.
                LOG.errorf(e, "rendering batch %s as %s stopped", id, format);
                throw new java.io.IOException("rendering stopped: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName(id, from, to) + "\"")
                .build();
    }
}
