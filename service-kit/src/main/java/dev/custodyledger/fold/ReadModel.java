package dev.custodyledger.fold;

import dev.custodyledger.core.fold.CustodyState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * What one service projects from the fold. The engine calls {@link #rows} on the folding thread (the state
 * is the fold's, right after the records), then writes the rows behind the fold in the same transaction as
 * the position. The position and the checkpoints are the engine's; the rows are the service's.
 *
 * @param <R> the service's rows for a run of records
 */
public interface ReadModel<R> {
    /** The rows that the records folded after {@code previousSeq} change; {@code previousSeq} 0 means the start. */
    R rows(List<Folded> folded, CustodyState state, long previousSeq);

    /** Consecutive row sets as one, each changed entity once in its latest form. */
    R merge(List<R> consecutive);

    /** Writes the rows inside the engine's transaction, after the position fence. */
    Uni<Void> write(SqlConnection transaction, R rows);

    /** The tables a rebuild empties, besides the engine's position and checkpoints. */
    List<String> tables();
}
