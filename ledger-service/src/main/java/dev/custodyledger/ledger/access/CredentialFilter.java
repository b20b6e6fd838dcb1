package dev.custodyledger.ledger.access;

import dev.custodyledger.core.credential.CredentialException;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.ledger.fold.LedgerFolder;
import dev.custodyledger.ledger.problem.Problem;
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

    private final LedgerFolder folder;

    CredentialFilter(LedgerFolder folder) {
        this.folder = folder;
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
        if (header == null || !header.startsWith("Bearer ")) {
            return unauthorized("this read needs a party credential: Authorization: Bearer <token from the operator>");
        }
        PartyCredential credential;
        try {
            credential = PartyCredential.verify(
                    header.substring(7).strip(), folder.anchor().key(), Instant.now());
        } catch (CredentialException e) {
            return unauthorized(e.getMessage());
        }
        PartyState party = folder.read(state -> state.party(credential.party()));
        if (party == null || party.suspended()) {
            return problem(Problem.of(
                    403, "CREDENTIAL_REVOKED", "party " + credential.party() + " is not registered or is suspended"));
        }
        request.setProperty(CALLER, new Caller(party));
        return null;
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(problem(Problem.of(401, "UNAUTHENTICATED", detail)))
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
