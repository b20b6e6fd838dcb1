package dev.custodyledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
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
 * under test serves at {@code /q/openapi}: a body, status or media type the document does not describe fails
 * the request. The document is read from the service itself, so what is checked is what a partner downloads.
 */
public final class OpenApiContract implements BeforeAllCallback, AfterAllCallback, OrderedFilter {
    private final Map<String, OpenApiValidationFilter> byService = new ConcurrentHashMap<>();

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
        return byService.computeIfAbsent(service, OpenApiContract::validatorOf).filter(request, response, ctx);
    }

    private static OpenApiValidationFilter validatorOf(String service) {
        return new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(service + "/q/openapi?format=json")
                        .build());
    }
}
