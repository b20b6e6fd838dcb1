package dev.custodyledger.label.fold;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.fold.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * label-service keeps no rows of the ledger: it needs the registry's state, which the state store keeps with
 * its position so that a restart resumes instead of refolding. The rows are a count of records, for the logs.
 */
final class PositionOnly implements ReadModel<Integer> {
    @Override
    public Integer rows(List<Folded> folded, CustodyState state, long previousSeq) {
        return folded.size();
    }

    @Override
    public Integer merge(List<Integer> consecutive) {
        return consecutive.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public Uni<Void> write(SqlConnection transaction, Integer rows) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public List<String> tables() {
        return List.of();
    }
}
