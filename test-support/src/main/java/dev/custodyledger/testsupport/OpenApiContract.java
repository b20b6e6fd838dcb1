package dev.custodyledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every RestAssured request of a test class, and the answer to it, to the OpenAPI document the service
 * under test serves at {@code /q/openapi}: an answer the document does not describe (body, status, media type)
 * fails the request, and so does a request outside the document that the service nevertheless accepted. A
 * request the service refused (4xx, 5xx) may lie outside the document: tests of bad input send such requests
 * on purpose, and what is checked then is that the refusal is a documented problem. The document is read from
 * the service itself, so what is checked is what a partner downloads.
 */
public final class OpenApiContract implements BeforeAllCallback, AfterAllCallback, OrderedFilter {
    private final Map<String, OpenApiInteractionValidator> byService = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.filters(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.replaceFiltersWith(List.of());
    }

    /** Last, so that every other filter has shaped the request before it is checked. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        URI uri = URI.create(request.getURI());
        String service = uri.getScheme() + "://" + uri.getAuthority();
        if (uri.getPath().startsWith("/q/")) {
            return ctx.next(request, response);
        }
        OpenApiInteractionValidator validator = byService.computeIfAbsent(service, OpenApiContract::validatorOf);
        Response answer = ctx.next(request, response);
        boolean refused = answer.statusCode() >= 400;
        List<ValidationReport.Message> broken =
                validator
                        .validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer))
                        .getMessages()
                        .stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .filter(m -> !(refused && m.getKey().startsWith("validation.request")))
                        .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + answer.statusCode()
                    + " outside the OpenAPI document: "
                    + broken.stream().map(ValidationReport.Message::getMessage).toList());
        }
        return answer;
    }

    private static OpenApiInteractionValidator validatorOf(String service) {
        return OpenApiInteractionValidator.createForSpecificationUrl(service + "/q/openapi?format=json")
                .build();
    }
}
