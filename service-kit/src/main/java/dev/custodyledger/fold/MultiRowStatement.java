package dev.custodyledger.fold;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code insert into t (…) select … from unnest($1::bigint[], $2::text[], …)}: one array parameter per column
 * however many rows, on the reactive client inside the engine's transaction. The statement text never changes and
 * nothing parses thousands of placeholders, which is what keeps the read models ahead of intake (ADR 12). Made by
 * {@link Table#insert} and {@link Table#upsert}.
 */
public final class MultiRowStatement<T> {
    /** Rows per statement, so that one statement's arrays stay a few megabytes. */
    private static final int MAX_ROWS = 5_000;

    private final List<Table.Column<T>> columns;
    private final String sql;

    MultiRowStatement(String table, List<Table.Column<T>> columns, String tail) {
        this.columns = List.copyOf(columns);
        this.sql = "insert into " + table + " ("
                + columns.stream().map(Table.Column::name).collect(Collectors.joining(", "))
                + ") select "
                + IntStream.range(0, columns.size())
                        .mapToObj(i -> columns.get(i).type().selected("c" + (i + 1)))
                        .collect(Collectors.joining(", "))
                + " from unnest("
                + IntStream.range(0, columns.size())
                        .mapToObj(i -> "$" + (i + 1) + "::" + columns.get(i).type().sql + "[]")
                        .collect(Collectors.joining(", "))
                + ") as u("
                + IntStream.range(0, columns.size())
                        .mapToObj(i -> "c" + (i + 1))
                        .collect(Collectors.joining(", "))
                + ")" + tail;
    }

    /** The statement's text, the same for every execution. */
    String sql() {
        return sql;
    }

    public Uni<Void> execute(SqlConnection connection, List<T> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
            chain = chain.chain(() -> insert(connection, chunk));
        }
        return chain;
    }

    private Uni<Void> insert(SqlConnection connection, List<T> chunk) {
        Tuple parameters = Tuple.tuple();
        for (Table.Column<T> column : columns) {
            Object[] array = column.type().array(chunk.size());
            for (int r = 0; r < chunk.size(); r++) {
                array[r] = column.type().bindable(column.value().apply(chunk.get(r)));
            }
            parameters.addValue(array);
        }
        return connection.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }
}
