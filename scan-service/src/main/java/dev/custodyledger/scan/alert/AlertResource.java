package dev.custodyledger.scan.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.access.PartyCredentials;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Alerts the clone detector opened, for the brand owners whose units they concern (the operator sees all):
 * listed newest first, and worked through from NEW to INVESTIGATING to CLOSED with a reason.
 */
@Path("/v1/alerts")
@SecurityRequirement(name = "partyCredential")
public class AlertResource {
    private static final String LIST = AlertRow.TABLE.select("a")
            + " where ($1 or a.brand_id = $2) and ($3 = '' or a.status = $3) and a.id < $4 order by a.id desc limit $5";
    private static final String CHANGE = "update " + AlertRow.TABLE.name() + " a set status = $1, status_reason = $2,"
            + " updated_at = $3 where a.id = $4 and ($5 or a.brand_id = $6) and a.status <> 'CLOSED' returning "
            + AlertRow.TABLE.columns("a");

    private final LedgerView fold;
    private final Pool database;

    AlertResource(LedgerView fold, Pool database) {
        this.fold = fold;
        this.database = database;
    }

    public enum Status {
        NEW,
        INVESTIGATING,
        CLOSED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertView(
            long id,
            String unit,
            String brand,
            Reason reason,
            String message,
            Instant raisedAt,
            Status status,
            String statusReason,
            Instant updatedAt) {}

    /** {@code next} (the id to page on from) is left out on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertPage(List<AlertView> alerts, Long next) {}

    public record StatusChange(String status, String reason) {}

    @GET
    @Operation(summary = "The caller's alerts (a brand's own GTINs; the operator's: all), newest first")
    public Uni<AlertPage> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("status") String status,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        PartyState caller = PartyCredentials.authenticate(authorization, fold, Instant.now());
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(ProblemCode.BAD_PAGE, "limit is 1 to 1000");
        }
        Status wanted = status == null ? null : status(status);
        boolean all = caller.has(Role.OPERATOR);
        return database.preparedQuery(LIST)
                .execute(Tuple.of(
                        all,
                        caller.id().value(),
                        wanted == null ? "" : wanted.name(),
                        before == null ? Long.MAX_VALUE : before,
                        limit + 1))
                .map(rows -> {
                    List<AlertView> alerts = new ArrayList<>();
                    for (Row row : rows) {
                        if (alerts.size() < limit) {
                            alerts.add(view(AlertRow.TABLE.read(row)));
                        }
                    }
                    Long next =
                            rows.size() > limit ? alerts.get(alerts.size() - 1).id() : null;
                    return new AlertPage(alerts, next);
                });
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an alert to INVESTIGATING or CLOSED (closing needs a reason)")
    public Uni<AlertView> change(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id,
            StatusChange change) {
        PartyState caller = PartyCredentials.authenticate(authorization, fold, Instant.now());
        if (change == null || change.status() == null) {
            throw new ProblemException(
                    ProblemCode.BAD_STATUS, "give {\"status\": \"INVESTIGATING\" or \"CLOSED\", \"reason\"}");
        }
        Status next = status(change.status());
        if (next == Status.NEW) {
            throw new ProblemException(ProblemCode.BAD_STATUS, "an alert cannot go back to NEW");
        }
        String reason = change.reason() == null ? null : change.reason().strip();
        if (next == Status.CLOSED && (reason == null || reason.isEmpty())) {
            throw new ProblemException(ProblemCode.BAD_STATUS, "closing an alert needs a reason");
        }
        if (reason != null && reason.length() > 500) {
            throw new ProblemException(ProblemCode.BAD_STATUS, "the reason is at most 500 characters");
        }
        boolean all = caller.has(Role.OPERATOR);
        return database.preparedQuery(CHANGE)
                .execute(Tuple.from(Arrays.asList(
                        next.name(),
                        reason,
                        Instant.now().atOffset(ZoneOffset.UTC),
                        id,
                        all,
                        caller.id().value())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(
                                ProblemCode.NOT_FOUND, "no open alert " + id + " among the caller's alerts");
                    }
                    return view(AlertRow.TABLE.read(rows.iterator().next()));
                });
    }

    private static Status status(String value) {
        try {
            return Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.BAD_STATUS, "status is one of NEW, INVESTIGATING, CLOSED");
        }
    }

    private static AlertView view(AlertRow r) {
        Reason reason = Reason.valueOf(r.reason());
        return new AlertView(
                r.id(),
                r.unitCode(),
                r.brandId(),
                reason,
                reason.meaning(),
                r.raisedAt(),
                Status.valueOf(r.status()),
                r.statusReason(),
                r.updatedAt());
    }
}
