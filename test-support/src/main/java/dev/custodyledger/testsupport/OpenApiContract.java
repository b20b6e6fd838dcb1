package dev.custodyledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
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
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds requests, and the answers to them, to the OpenAPI document the service asked serves at
 * {@code /q/openapi}: an answer the document does not describe (body, status, media type) fails, and so does a
 * request outside the document that the service nevertheless accepted. A request the service refused (4xx, 5xx)
 * may lie outside the document: tests of bad input send such requests on purpose, and what is checked then is
 * that the refusal is a documented problem. The document is read from the service itself, so what is checked is
 * what a partner downloads.
 *
 * <p>As a JUnit extension it checks every RestAssured request of a test class; {@link #check(HttpRequest, byte[],
 * HttpResponse)} checks an exchange made with the JDK's client (the demo's).
 */
public final class OpenApiContract implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, OrderedFilter {
    private final Map<String, OpenApiInteractionValidator> byService = new ConcurrentHashMap<>();
    private final AtomicInteger checked = new AtomicInteger();

    /**
     * Reads the document of the service under test before the first request, so that reading it does not delay
     * a test's first requests (a burst against a rate limit, say). Registered after {@code @QuarkusTest}, this
     * runs once RestAssured knows the service's port.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        byService.computeIfAbsent(RestAssured.baseURI + ":" + RestAssured.port, OpenApiContract::validatorOf);
    }

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
        Response answer = ctx.next(request, response);
        check(
                request.getMethod(),
                uri,
                RestAssuredRequest.of(request),
                answer.statusCode(),
                () -> RestAssuredResponse.of(answer));
        return answer;
    }

    /** Checks one exchange of the JDK's HTTP client; {@code body} is what was sent (the request keeps no copy). */
    public void check(HttpRequest request, byte[] body, HttpResponse<byte[]> answer) {
        URI uri = request.uri();
        var asked = new SimpleRequest.Builder(request.method(), uri.getRawPath());
        request.headers().map().forEach(asked::withHeader);
        if (body != null && body.length > 0) {
            asked.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                asked.withQueryParam(decode(name), decode(value));
            }
        }
        check(request.method(), uri, asked.build(), answer.statusCode(), () -> {
            var answered = new SimpleResponse.Builder(answer.statusCode()).withBody(answer.body());
            answer.headers().map().forEach(answered::withHeader);
            return answered.build();
        });
    }

    private void check(
            String method,
            URI uri,
            Request request,
            int status,
            Supplier<com.atlassian.oai.validator.model.Response> answer) {
        // Tile paths are C2SP tlog-tiles' paths of several segments, which OpenAPI cannot template; TileTest and
        // TransparencyLogTest hold them to the specification.
        if (uri.getPath().startsWith("/q/") || uri.getPath().startsWith("/tlog/tile/")) {
            return;
        }
        String service = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator validator = byService.computeIfAbsent(service, OpenApiContract::validatorOf);
        boolean refused = status >= 400;
        List<ValidationReport.Message> broken = validator.validate(request, answer.get()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(refused && m.getKey().startsWith("validation.request")))
                .toList();
        checked.incrementAndGet();
        if (!broken.isEmpty()) {
            throw new AssertionError(method + " " + uri.getPath() + " answered " + status
                    + " outside the OpenAPI document: "
                    + broken.stream().map(ValidationReport.Message::getMessage).toList());
        }
    }

    /** How many exchanges were checked, so that a test can show its contract was not vacuous. */
    public int checked() {
        return checked.get();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static OpenApiInteractionValidator validatorOf(String service) {
        return OpenApiInteractionValidator.createForSpecificationUrl(service + "/q/openapi?format=json")
                .build();
    }
}
