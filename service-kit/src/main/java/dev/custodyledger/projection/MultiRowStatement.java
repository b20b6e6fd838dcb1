package dev.custodyledger.projection;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One {@code insert … values (…), (…), …} per chunk of rows, through the reactive session: a round trip per
 * chunk instead of per row, which is what keeps the projection ahead of intake.
 */
public final class MultiRowStatement<T> {
    private static final int MAX_PARAMETERS = 30_000;

    private final String head;
    private final String tail;
    private final int columns;
    private final Function<T, Object[]> values;

    /** {@code insert into table (columns)} … {@code tail} (e.g. an on-conflict clause), values from {@code values}. */
    public MultiRowStatement(String table, List<String> columns, String tail, Function<T, Object[]> values) {
        this.head = "insert into " + table + " (" + String.join(", ", columns) + ") values ";
        this.tail = tail;
        this.columns = columns.size();
        this.values = values;
    }

    /** Insert-or-update keyed by the first column: every other column takes the new row's value. */
    public static <T> MultiRowStatement<T> upsert(String table, List<String> columns, Function<T, Object[]> values) {
        String updates = String.join(
                ", ",
                columns.subList(1, columns.size()).stream()
                        .map(c -> c + " = excluded." + c)
                        .toList());
        return new MultiRowStatement<>(
                table, columns, " on conflict (" + columns.get(0) + ") do update set " + updates, values);
    }

    public Uni<Void> execute(Mutiny.StatelessSession session, List<T> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        int perChunk = MAX_PARAMETERS / columns;
        for (int from = 0; from < rows.size(); from += perChunk) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + perChunk));
            chain = chain.chain(() -> insert(session, chunk));
        }
        return chain;
    }

    private Uni<Void> insert(Mutiny.StatelessSession session, List<T> chunk) {
        var sql = new StringBuilder(head);
        int parameter = 1;
        for (int r = 0; r < chunk.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns; c++) {
                sql.append(c == 0 ? "?" : ", ?").append(parameter++);
            }
            sql.append(')');
        }
        sql.append(tail);
        var query = session.createNativeQuery(sql.toString());
        parameter = 1;
        for (T row : chunk) {
            for (Object value : values.apply(row)) {
                query.setParameter(parameter++, value);
            }
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
