package dev.custodyledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every example an OpenAPI document shows a partner, held to the schema it illustrates: a request body's example
 * is validated as that operation's request, a response's example as that operation's answer with its status.
 */
public final class OpenApiExamples {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiExamples() {}

    /** Reads the document the service serves; fails listing every example that breaks it; returns how many held. */
    public static int check(String service) {
        JsonNode document;
        try {
            document = new ObjectMapper()
                    .readTree(URI.create(service + "/q/openapi?format=json").toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
                .build();
        List<String> broken = new ArrayList<>();
        int held = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Request.Method method =
                        Request.Method.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
                String concrete = concrete(path.getKey(), operation.getValue());
                for (Example example : examples(operation.getValue().path("requestBody"))) {
                    var request = new SimpleRequest.Builder(method, concrete)
                            .withContentType(example.mediaType())
                            .withAuthorization("Bearer example")
                            .withBody(example.body())
                            .build();
                    held += note(validator.validateRequest(request), method + " " + path.getKey(), example, broken);
                }
                for (Map.Entry<String, JsonNode> response :
                        operation.getValue().path("responses").properties()) {
                    if (!response.getKey().matches("\\d{3}")) {
                        continue;
                    }
                    for (Example example : examples(response.getValue())) {
                        var answer = new SimpleResponse.Builder(Integer.parseInt(response.getKey()))
                                .withContentType(example.mediaType())
                                .withBody(example.body())
                                .build();
                        held += note(
                                validator.validateResponse(concrete, method, answer),
                                method + " " + path.getKey() + " " + response.getKey(),
                                example,
                                broken);
                    }
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new AssertionError("examples outside their schemas: " + broken);
        }
        return held;
    }

    private record Example(String name, String mediaType, String body) {}

    private static List<Example> examples(JsonNode withContent) {
        List<Example> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> content : withContent.path("content").properties()) {
            if (content.getValue().has("example")) {
                found.add(new Example(
                        "example", content.getKey(), text(content.getValue().get("example"))));
            }
            for (Map.Entry<String, JsonNode> named :
                    content.getValue().path("examples").properties()) {
                found.add(new Example(
                        named.getKey(), content.getKey(), text(named.getValue().path("value"))));
            }
        }
        return found;
    }

    /** An example given as a string is the body itself; one given as JSON is written out. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The path with each parameter replaced by its example, or by a placeholder where it has none. */
    private static String concrete(String template, JsonNode operation) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = "example";
            for (JsonNode declared : operation.path("parameters")) {
                if (declared.path("name").asText().equals(parameter.group(1)) && declared.has("example")) {
                    value = declared.get("example").asText();
                }
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(path).toString();
    }

    private static int note(ValidationReport report, String where, Example example, List<String> broken) {
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage)
                .toList();
        if (errors.isEmpty()) {
            return 1;
        }
        broken.add(where + " example '" + example.name() + "': " + errors);
        return 0;
    }
}
