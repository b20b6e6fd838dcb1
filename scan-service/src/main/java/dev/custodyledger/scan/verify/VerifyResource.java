package dev.custodyledger.scan.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.access.PartyCredentials;
import dev.custodyledger.core.gs1.Gs1SyntaxException;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.core.verdict.ScanSignals;
import dev.custodyledger.core.verdict.Verdict;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.json.JsonRequest;
import dev.custodyledger.openapi.ProblemResponses;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import dev.custodyledger.problem.ProblemMappers;
import dev.custodyledger.scan.config.ScanConfig;
import dev.custodyledger.scan.scans.ScanRecorder;
import dev.custodyledger.scan.scans.ScanResource;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The verify API and the GS1 Digital Link resolver. Digital Link paths answer HTML to browsers and JSON to
 * apps; {@code /v1/verify} takes whatever a scanner read. A verify is a read: it never changes custody.
 */
@Path("/")
public class VerifyResource {
    private static final String EXAMPLE = """
            {"code":"01/09506000134352/21/K7Q2M9X4T1ZB","verdict":"GENUINE",
             "reasons":[{"code":"IN_SUPPLY_CHAIN","message":"This item is registered and in the supply chain."},
                        {"code":"LABEL_SIGNATURE_VALID","message":"The label's signature matches the brand's label key."}],
             "product":{"name":"Infant formula 800 g","brandOwner":"Alpen Nutrition","gtin":"09506000134352",
                        "lot":"L2026-11","expiry":"2028-11-30"},
             "heldBy":{"name":"City Pharmacy","city":"Lyon","country":"FR","inTransit":false},
             "journey":[{"date":"2026-11-20","step":"COMMISSIONED","party":"Alpen Nutrition","city":"Bern",
                         "country":"CH","inContainer":false}],
             "label":"VALID","ledgerSeq":1042}""";

    /** A verdict, not a problem: apps read one answer whatever the status, and a shopper's page says to retry. */
    private static final String UNAVAILABLE =
            "the verdict UNAVAILABLE: the ledger cannot be consulted right now (never UNKNOWN); retry later";

    private final VerifyService verifier;
    private final ScanRecorder recorder;
    private final LedgerView fold;
    private final ScanConfig config;
    private final Template verify;

    VerifyResource(VerifyService verifier, ScanRecorder recorder, LedgerView fold, ScanConfig config, Template verify) {
        this.verifier = verifier;
        this.recorder = recorder;
        this.fold = fold;
        this.config = config;
        this.verify = verify;
    }

    @GET
    @Path("{link: 0[01]/.+}")
    @Operation(
            summary = "Resolve a GS1 Digital Link: HTML for people, JSON for apps",
            description = "/01/{gtin}/21/{serial}, /01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD&s={label signature},"
                    + " /00/{sscc}")
    @APIResponse(
            responseCode = "200",
            description = "the verdict: JSON for apps, the consumer page for browsers",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = VerifyAnswer.class),
                        examples = @ExampleObject(name = "genuine", value = EXAMPLE)),
                @Content(mediaType = "text/html")
            })
    @APIResponse(
            responseCode = "503",
            description = UNAVAILABLE,
            extensions = @Extension(name = ProblemResponses.ANSWER, value = "true", parseValue = true),
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = VerifyAnswer.class)),
                @Content(mediaType = "text/html")
            })
    public Uni<Response> resolve(@Context UriInfo uri, @Context HttpHeaders headers, @BeanParam ScanParams scan) {
        String query = uri.getRequestUri().getRawQuery();
        return answer(uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), scan, headers);
    }

    @GET
    @Path("v1/verify")
    @Operation(
            summary = "Verify what a scanner read",
            description = "A full Digital Link URI, a path, or a GS1 element string (with or without parentheses, "
                    + "FNC1/GS separators). UNAVAILABLE (503) when the read model cannot answer; never UNKNOWN.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = VerifyAnswer.class),
                            examples = @ExampleObject(name = "genuine", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "the code is malformed; the problem says what is wrong")
    @APIResponse(
            responseCode = "503",
            description = UNAVAILABLE,
            extensions = @Extension(name = ProblemResponses.ANSWER, value = "true", parseValue = true),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerifyAnswer.class)))
    public Uni<Response> verify(
            @QueryParam("code") String code, @BeanParam ScanParams scan, @Context HttpHeaders headers) {
        return answer(code, scan, headers);
    }

    /** One code's answer, or the problem with the code (never both). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItem(VerifyAnswer answer, Problem problem) {}

    public record BatchAnswer(List<BatchItem> results) {}

    @POST
    @Path("v1/verify/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "partyCredential")
    @Operation(summary = "Verify up to 1,000 codes in one call (party credential required)")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VerifyBatch")))
    public Uni<BatchAnswer> batch(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        PartyCredentials.authenticate(authorization, fold, Instant.now());
        JsonRequest request = JsonRequest.parse(body, Set.of("codes", "context"));
        List<String> codes = request.texts("codes", ScanResource.MAX_CODE_TEXT);
        if (codes == null || codes.isEmpty()) {
            throw new ProblemException(
                    ProblemCode.MALFORMED, "give {\"codes\": [\"...\", ...]} with at least one code");
        }
        if (codes.size() > config.verify().maxBatch()) {
            throw new ProblemException(
                    ProblemCode.TOO_LARGE, "at most " + config.verify().maxBatch() + " codes per request");
        }
        ScanSignals signals = new ScanSignals(ScanResource.context(request.text("context", 32, false)), Set.of());
        List<Uni<BatchItem>> items = new ArrayList<>();
        for (String text : codes) {
            try {
                ScannedCode code = ScannedCode.parse(text);
                items.add(verifier.verify(code, signals).map(a -> new BatchItem(a, null)));
            } catch (Gs1SyntaxException e) {
                items.add(Uni.createFrom().item(new BatchItem(null, badCode(e))));
            }
        }
        return Uni.join().all(items).andFailFast().map(BatchAnswer::new);
    }

    private Uni<Response> answer(String text, ScanParams scan, HttpHeaders headers) {
        ScannedCode code;
        try {
            code = ScannedCode.parse(text);
        } catch (Gs1SyntaxException e) {
            return Uni.createFrom().item(ProblemMappers.respond(badCode(e)));
        }
        boolean html = wantsHtml(headers);
        ScanContext context = ScanResource.context(scan.context);
        Uni<Long> recorded = scan.device == null
                ? Uni.createFrom().item(0L)
                : Uni.createFrom()
                        .completionStage(recorder.record(code.unit(), context, scan.device, scan.city, scan.country));
        return recorded.chain(() -> verifier.verify(code, new ScanSignals(context, Set.of())))
                .map(answer -> {
                    int status = answer.verdict() == Verdict.UNAVAILABLE ? 503 : 200;
                    return html
                            ? Response.status(status)
                                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                    .entity(verify.data("a", ConsumerPage.of(answer))
                                            .render())
                                    .build()
                            : Response.status(status)
                                    .type(MediaType.APPLICATION_JSON_TYPE)
                                    .entity(answer)
                                    .build();
                });
    }

    private static Problem badCode(Gs1SyntaxException e) {
        return Problem.of(ProblemCode.of(e.error()), e.getMessage());
    }

    /** Browsers list text/html before anything else; apps ask for JSON or anything. */
    private static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
