package dev.custodyledger.scan.limit;

import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemMappers;
import dev.custodyledger.scan.config.ScanConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate-limits the public verify and scan recording per client address (429 problem+json with Retry-After). The authenticated
 * batch is not limited here: its callers are known parties.
 */
public class PublicVerifyLimit {
    private final ClientRateLimiter limiter;
    private final boolean enabled;

    PublicVerifyLimit(ScanConfig config) {
        var limit = config.verify().rateLimit();
        this.enabled = limit.perSecond() > 0;
        this.limiter = new ClientRateLimiter(limit.perSecond(), limit.burst(), limit.clients());
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        boolean publicVerify = request.getMethod().equals("GET")
                        && (path.startsWith("/01/") || path.startsWith("/00/") || path.equals("/v1/verify"))
                || request.getMethod().equals("POST") && path.equals("/v1/scans");
        if (!enabled || !publicVerify) {
            return null;
        }
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
        if (limiter.tryAcquire(client, System.nanoTime())) {
            return null;
        }
        return Response.fromResponse(ProblemMappers.respond(Problem.of(
                        ProblemCode.RATE_LIMITED, "too many verifies from this client; retry after the given seconds")))
                .header("Retry-After", limiter.retryAfterSeconds(client))
                .build();
    }
}
