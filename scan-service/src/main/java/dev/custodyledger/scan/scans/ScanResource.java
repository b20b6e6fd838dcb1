package dev.custodyledger.scan.scans;

import dev.custodyledger.core.gs1.Gs1SyntaxException;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.json.JsonRequest;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Records a scan. A scan never changes custody; the clone detector folds scans per unit. */
@Path("/v1/scans")
public class ScanResource {
    private final ScanRecorder recorder;

    ScanResource(ScanRecorder recorder) {
        this.recorder = recorder;
    }

    /** What a scanner app or till reports: the code it read, who scanned, its own device id, a coarse place. */
    static final Set<String> FIELDS = Set.of("code", "context", "device", "city", "country");

    /** Longer than any code; the code's own parser says what is wrong with a long one (BAD_CODE_TOO_LONG). */
    public static final int MAX_CODE_TEXT = 65_536;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a scan (consumer, till or inspection) for the clone detector",
            description = "Body {\"code\", \"context\", \"device\", \"city\"?, \"country\"?}: the code as read,"
                    + " consumer|till|inspection, the scanner's own opaque id, a coarse place.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScanRecord")))
    @APIResponse(
            responseCode = "202",
            description = "recorded; the detector will fold it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecordedScan.class)))
    @APIResponse(responseCode = "400", description = "a malformed body, code, context, device id or place")
    public Uni<Response> record(byte[] body) {
        JsonRequest request = JsonRequest.parse(body, FIELDS);
        String text = request.text("code", MAX_CODE_TEXT, true);
        ScannedCode code;
        try {
            code = ScannedCode.parse(text);
        } catch (Gs1SyntaxException e) {
            throw new ProblemException(ProblemCode.of(e.error()), e.getMessage());
        }
        var sent = recorder.record(
                code.unit(),
                context(request.text("context", 32, false)),
                request.text("device", 256, false),
                request.text("city", 256, false),
                request.text("country", 16, false));
        return Uni.createFrom()
                .completionStage(sent)
                .map(offset -> Response.accepted(new RecordedScan(code.unit().path()))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    /** The answer to a recorded scan: the unit the code names, as its id. */
    public record RecordedScan(@Schema(ref = "UnitId") String unit) {}

    /** The context a client named, or null; a 400 problem for a context that does not exist. */
    public static ScanContext context(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ScanContext.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.MALFORMED, "context is one of consumer, till, inspection");
        }
    }
}
