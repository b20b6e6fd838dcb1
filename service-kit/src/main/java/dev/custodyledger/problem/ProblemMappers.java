package dev.custodyledger.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json with a code, and never with a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemCode code = switch (status) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemCode.INTERNAL : ProblemCode.MALFORMED;
        };
        return respond(Problem.of(
                code, code == ProblemCode.INTERNAL ? "the server failed; the failure is logged" : e.getMessage()));
    }

    /** A body bound to a record that does not fit it; the detail names the field, never a Java type. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response json(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? " (at '" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "')"
                : "";
        return respond(Problem.of(ProblemCode.MALFORMED, "the body is not the JSON this endpoint takes" + field));
    }

    /** A body that could not be read: the client went away or the connection broke mid-request. No bug here. */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException
                    || t.getClass().getSimpleName().contains("Closed")) {
                LOG.debugf("a request body could not be read, the connection closed: %s", e.getMessage());
                return respond(Problem.of(ProblemCode.MALFORMED, "the request body could not be read"));
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unhandled failure", e);
        return respond(Problem.of(ProblemCode.INTERNAL, "the server failed; the failure is logged"));
    }

    public static Response respond(Problem problem) {
        var response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"custody-ledger\"");
        }
        return response.build();
    }
}
