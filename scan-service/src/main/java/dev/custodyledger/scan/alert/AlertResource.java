package dev.custodyledger.scan.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.access.PartyCredentials;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.fold.SqlValues;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Alerts the clone detector opened, for the brand owners whose units they concern (the operator sees all):
 * listed newest first, and worked through from NEW to INVESTIGATING to CLOSED with a reason.
 */
@Path("/v1/alerts")
@SecurityRequirement(name = "partyCredential")
public class AlertResource {
    private static final String COLUMNS =
            "id, unit_code, brand_id, reason, raised_at, status, status_reason, updated_at";

    private final LedgerView fold;
    private final Mutiny.SessionFactory sessions;

    AlertResource(LedgerView fold, Mutiny.SessionFactory sessions) {
        this.fold = fold;
        this.sessions = sessions;
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
        String sql = "select " + COLUMNS + " from alert where (?1 or brand_id = ?2) and (?3 = '' or status = ?3)"
                + " and id < ?4 order by id desc limit ?5";
        return sessions.withStatelessSession(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, all)
                        .setParameter(2, caller.id().value())
                        .setParameter(3, wanted == null ? "" : wanted.name())
                        .setParameter(4, before == null ? Long.MAX_VALUE : before)
                        .setParameter(5, limit + 1)
                        .getResultList())
                .map(rows -> {
                    List<AlertView> alerts =
                            rows.stream().limit(limit).map(AlertResource::view).toList();
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
        return sessions.withStatelessTransaction(s -> s.createNativeQuery(
                                "update alert set status = ?1, status_reason = ?2, updated_at = ?3 where id = ?4"
                                        + " and (?5 or brand_id = ?6) and status <> 'CLOSED' returning " + COLUMNS,
                                Object[].class)
                        .setParameter(1, next.name())
                        .setParameter(2, reason)
                        .setParameter(3, Instant.now().atOffset(ZoneOffset.UTC))
                        .setParameter(4, id)
                        .setParameter(5, all)
                        .setParameter(6, caller.id().value())
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new ProblemException(
                                ProblemCode.NOT_FOUND, "no open alert " + id + " among the caller's alerts");
                    }
                    return view(rows.get(0));
                });
    }

    private static Status status(String value) {
        try {
            return Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.BAD_STATUS, "status is one of NEW, INVESTIGATING, CLOSED");
        }
    }

    private static AlertView view(Object[] r) {
        Reason reason = Reason.valueOf((String) r[3]);
        return new AlertView(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                reason,
                reason.meaning(),
                SqlValues.instant(r[4]),
                Status.valueOf((String) r[5]),
                (String) r[6],
                SqlValues.instant(r[7]));
    }
}
