package dev.custodyledger.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.Gs1SyntaxException;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.ledger.access.Caller;
import dev.custodyledger.ledger.access.UnitAccess;
import dev.custodyledger.ledger.readmodel.LedgerRecordRow;
import dev.custodyledger.ledger.readmodel.UnitHistoryRow;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A unit's current state (from the fold) and its journey (from the projection). */
@Path("/v1/units")
public class UnitResource {
    private static final String UNIT = "{unit: 0[01]/.+}";

    /** A unit's records, oldest first, each with whether it reached the unit through a container. */
    private static final String HISTORY = "select " + LedgerRecordRow.TABLE.columns("r") + ", h.via_container from "
            + UnitHistoryRow.TABLE.name() + " h join " + LedgerRecordRow.TABLE.name() + " r on r.seq = h.seq"
            + " where h.unit_code = $1 and h.seq > $2 order by h.seq limit $3";

    private final LedgerView fold;
    private final Pool database;

    UnitResource(LedgerView fold, Pool database) {
        this.fold = fold;
        this.database = database;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitView(
            String unit,
            String kind,
            String status,
            String custodian,
            String pendingTo,
            String container,
            List<String> contents,
            String gtin,
            String lot,
            LocalDate expiry,
            Map<String, String> product,
            boolean recalled,
            String recallReason,
            long createdSeq,
            long lastSeq,
            long ledgerSeq) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(
            long seq,
            Instant recordTime,
            String type,
            String actor,
            boolean viaContainer,
            String eventId,
            @Schema(ref = "CustodyEvent") JsonNode event) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(String unit, List<HistoryEntry> entries, Long next) {}

    @GET
    @Path(UNIT)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = "partyCredential")
    @Operation(
            summary =
                    "Current custodian, status, container, product data and recall of a unit (operator, brand owner, parties involved)")
    public Uni<UnitView> unit(@Encoded @PathParam("unit") String unit, @Context ContainerRequestContext request) {
        UnitCode code = parse(unit);
        Caller caller = UnitAccess.caller(request);
        return UnitAccess.require(database, caller, code).map(allowed -> view(code, unit));
    }

    private UnitView view(UnitCode code, String unit) {
        return fold.read(state -> {
            UnitState u = state.unit(code);
            if (u == null) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "unit " + unit + " was never commissioned or packed");
            }
            return new UnitView(
                    code.path(),
                    u.isContainer() ? "CONTAINER" : "ITEM",
                    u.status().name(),
                    u.custodian().value(),
                    u.pendingTo() == null ? null : u.pendingTo().value(),
                    u.parent() == null ? null : u.parent().path(),
                    u.isContainer() ? u.children().stream().map(UnitCode::path).toList() : null,
                    u.item() == null ? null : u.item().gtin().value(),
                    u.lot() == null ? null : u.lot().key().lot().value(),
                    u.expiry(),
                    u.product() == null ? null : u.product().attributes(),
                    u.recalled(),
                    u.recallReason(),
                    u.createdSeq(),
                    u.lastSeq(),
                    state.lastSeq());
        });
    }

    @GET
    @Path(UNIT + "/history")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary =
                    "The unit's journey in ledger order, including what happened to containers it was in; page with after/limit")
    @SecurityRequirement(name = "partyCredential")
    public Uni<History> history(
            @Context ContainerRequestContext request,
            @Encoded @PathParam("unit") String unit,
            @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        UnitCode code = parse(unit);
        if (limit < 1 || limit > 1000 || after < 0) {
            throw new ProblemException(ProblemCode.BAD_PAGE, "limit is 1 to 1000 and after is a sequence number");
        }
        boolean known = fold.read(state -> state.unit(code) != null);
        if (!known) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "unit " + unit + " was never commissioned or packed");
        }
        return UnitAccess.require(database, UnitAccess.caller(request), code)
                .chain(allowed -> database.preparedQuery(HISTORY).execute(Tuple.of(code.path(), after, limit + 1)))
                .map(rows -> {
                    List<HistoryEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        if (entries.size() < limit) {
                            entries.add(entry(row.getBoolean("via_container"), LedgerRecordRow.TABLE.read(row)));
                        }
                    }
                    Long next = rows.size() > limit
                            ? entries.get(entries.size() - 1).seq()
                            : null;
                    return new History(code.path(), entries, next);
                });
    }

    private static HistoryEntry entry(boolean viaContainer, LedgerRecordRow r) {
        JsonNode event =
                StrictJson.parse(r.envelope().getBytes(StandardCharsets.UTF_8)).get("event");
        return new HistoryEntry(r.seq(), r.recordTime(), r.type(), r.actor(), viaContainer, r.eventId(), event);
    }

    static UnitCode parse(String unit) {
        try {
            return UnitCode.parse(unit);
        } catch (Gs1SyntaxException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
    }
}
