package dev.custodyledger.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns away a body larger than {@code quarkus.http.limits.max-body-size} by its declared length, before any of
 * it is buffered, with a 413 problem ({@code TOO_LARGE}). The HTTP layer's own limit stays as the backstop for
 * chunked bodies, but answers an empty 413 that says nothing.
 */
@ApplicationScoped
public class BodyLimit {
    private final long maxBytes;
    private final String tooLarge;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBytes = max.asLongValue();
        this.tooLarge = json.writeValueAsString(Problem.of(
                ProblemCode.TOO_LARGE, "the body is larger than this service takes (" + maxBytes + " bytes)"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && declaredLength(length) > maxBytes) {
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(tooLarge);
        } else {
            context.next();
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
