package dev.custodyledger.ledger.access;

import dev.custodyledger.access.PartyCredentials;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the party credential on the reads that need one (unit state and history, event bodies): the
 * operator's signature and validity, then the registry (an unknown or suspended party's credential no longer
 * works). Writes need none: they are authenticated by their own signatures.
 */
public class CredentialFilter {
    public static final String CALLER = "custody.caller";

    private final LedgerView fold;

    CredentialFilter(LedgerView fold) {
        this.fold = fold;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean get = request.getMethod().equals("GET");
        boolean required = get && path.startsWith("/v1/units/");
        boolean optional = get && path.startsWith("/v1/events/");
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!required && !(optional && header != null)) {
            return null;
        }
        PartyState party;
        try {
            party = PartyCredentials.authenticate(header, fold, Instant.now());
        } catch (ProblemException e) {
            return e.problem().status() == 401 ? unauthorized(e.problem()) : problem(e.problem());
        }
        request.setProperty(CALLER, new Caller(party));
        return null;
    }

    private static Response unauthorized(Problem problem) {
        return Response.fromResponse(problem(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custody-ledger\"")
                .build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
