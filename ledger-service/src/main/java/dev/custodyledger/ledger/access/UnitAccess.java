package dev.custodyledger.ledger.access;

import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.ledger.readmodel.UnitPartyRow;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Who may read a unit: the operator, the brand owner of its GTIN, and every party that held or was named for it. */
public final class UnitAccess {
    private static final String INVOLVED =
            "select 1 from " + UnitPartyRow.TABLE.name() + " where unit_code = $1 and party_id = $2 limit 1";

    private UnitAccess() {}

    public static Caller caller(ContainerRequestContext request) {
        Object caller = request.getProperty(CredentialFilter.CALLER);
        if (!(caller instanceof Caller c)) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "this read needs a party credential");
        }
        return c;
    }

    public static Uni<Void> require(Pool database, Caller caller, UnitCode unit) {
        if (caller.isOperator() || caller.owns(unit)) {
            return Uni.createFrom().voidItem();
        }
        return database.preparedQuery(INVOLVED)
                .execute(Tuple.of(unit.path(), caller.id()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(
                                ProblemCode.NOT_INVOLVED,
                                "party " + caller.id() + " has neither held nor been named for " + unit.path());
                    }
                    return null;
                });
    }
}
