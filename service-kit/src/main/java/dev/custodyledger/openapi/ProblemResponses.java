package dev.custodyledger.openapi;

import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes every service's OpenAPI document say what its answers are: an error response (4xx, 5xx) is only
 * {@code application/problem+json} with the {@code Problem} schema, whose {@code code} lists
 * {@link ProblemCode}; a success is never problem+json; any status an operation does not list is a problem.
 * Resources declare {@code @Produces} with both media types so that either can be written; this filter keeps the
 * document to the one each status really has. An error status whose body is an answer rather than a problem (a
 * verify's 503 is the verdict UNAVAILABLE) says so with the extension {@value #ANSWER} and keeps its content.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    private static final String REF = "#/components/schemas/Problem";

    /** Marks an error response whose body is the operation's own answer, not a problem. */
    public static final String ANSWER = "x-answer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(operation -> {
                    if (operation.getResponses() == null) {
                        return;
                    }
                    operation.getResponses().getAPIResponses().forEach(this::shape);
                    if (operation.getResponses().getDefaultValue() == null) {
                        operation
                                .getResponses()
                                .setDefaultValue(OASFactory.createAPIResponse()
                                        .description("any other status: a problem with its code")
                                        .content(problemContent()));
                    }
                }));
    }

    private void shape(String status, APIResponse response) {
        boolean error = !status.equals("default") && Integer.parseInt(status) >= 400;
        boolean answer = response.getExtensions() != null
                && "true".equals(String.valueOf(response.getExtensions().get(ANSWER)));
        if (error && !answer) {
            response.setContent(problemContent());
        } else if (response.getContent() != null && response.getContent().hasMediaType(Problem.MEDIA_TYPE)) {
            Content content = response.getContent();
            content.removeMediaType(Problem.MEDIA_TYPE);
            if (content.getMediaTypes().isEmpty()) {
                response.setContent(null);
            }
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        List<Object> codes = new ArrayList<>(
                Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
        Map<String, Schema> properties = Map.of(
                "type", string("a URI naming the problem type"),
                "title", string("the HTTP status's phrase"),
                "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                "detail", string("what went wrong, for people"),
                "code",
                        string("the stable code; docs/api.md lists each with its status")
                                .enumeration(codes),
                "eventId", string("the signed event the problem is about"),
                "disposition",
                        string("refused: not appended; rejected: in the ledger at seq as evidence")
                                .enumeration(List.of("refused", "rejected")),
                "seq",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int64"));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status", "detail", "code"))
                .properties(properties);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
