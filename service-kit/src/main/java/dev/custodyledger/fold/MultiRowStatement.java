package dev.custodyledger.fold;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code insert into t (…) select … from unnest($1::bigint[], $2::text[], …)}: one array parameter per column
 * however many rows, on the reactive client inside the projection's transaction. The statement text never
 * changes and nothing parses thousands of placeholders, which is what keeps the projection ahead of intake
 * (ADR 12).
 */
public final class MultiRowStatement<T> {
    /** Rows per statement, so that one statement's arrays stay a few megabytes. */
    private static final int MAX_ROWS = 5_000;

    /** The column types the read models use, with the array each one is bound as. */
    public enum SqlType {
        BIGINT("bigint", Long[]::new),
        TEXT("text", String[]::new),
        BOOLEAN("boolean", Boolean[]::new),
        DATE("date", LocalDate[]::new),
        TIMESTAMPTZ("timestamptz", OffsetDateTime[]::new),
        /** JSON text, bound as text and cast in the statement (the client has no array type for JSON text). */
        JSONB("text", String[]::new) {
            @Override
            String selected(String column) {
                return column + "::jsonb";
            }
        };

        private final String sql;
        private final IntFunction<Object[]> array;

        SqlType(String sql, IntFunction<Object[]> array) {
            this.sql = sql;
            this.array = array;
        }

        String selected(String column) {
            return column;
        }

        private Object bindable(Object value) {
            return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        }
    }

    public record Column(String name, SqlType type) {}

    public static Column bigint(String name) {
        return new Column(name, SqlType.BIGINT);
    }

    public static Column text(String name) {
        return new Column(name, SqlType.TEXT);
    }

    public static Column bool(String name) {
        return new Column(name, SqlType.BOOLEAN);
    }

    public static Column date(String name) {
        return new Column(name, SqlType.DATE);
    }

    public static Column timestamptz(String name) {
        return new Column(name, SqlType.TIMESTAMPTZ);
    }

    public static Column jsonb(String name) {
        return new Column(name, SqlType.JSONB);
    }

    private final String sql;
    private final List<Column> columns;
    private final Function<T, Object[]> values;

    /** {@code insert into table (columns)} … {@code tail} (e.g. an on-conflict clause), values from {@code values}. */
    public MultiRowStatement(String table, List<Column> columns, String tail, Function<T, Object[]> values) {
        this.columns = List.copyOf(columns);
        this.values = values;
        this.sql = "insert into " + table + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", "))
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

    /** Insert-or-update keyed by the first column: every other column takes the new row's value. */
    public static <T> MultiRowStatement<T> upsert(String table, List<Column> columns, Function<T, Object[]> values) {
        return upsert(table, columns, Map.of(), values);
    }

    /**
     * Insert-or-update keyed by the first column: a column named in {@code merges} takes that expression (over
     * {@code table.column}, the stored value, and {@code excluded.column}, the new one), every other column the
     * new row's value.
     */
    public static <T> MultiRowStatement<T> upsert(
            String table, List<Column> columns, Map<String, String> merges, Function<T, Object[]> values) {
        String updates = columns.subList(1, columns.size()).stream()
                .map(c -> c.name() + " = " + merges.getOrDefault(c.name(), "excluded." + c.name()))
                .collect(Collectors.joining(", "));
        return new MultiRowStatement<>(
                table, columns, " on conflict (" + columns.get(0).name() + ") do update set " + updates, values);
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
        Object[][] arrays = new Object[columns.size()][];
        for (int c = 0; c < arrays.length; c++) {
            arrays[c] = columns.get(c).type().array.apply(chunk.size());
        }
        for (int r = 0; r < chunk.size(); r++) {
            Object[] row = values.apply(chunk.get(r));
            for (int c = 0; c < arrays.length; c++) {
                arrays[c][r] = columns.get(c).type().bindable(row[c]);
            }
        }
        Tuple parameters = Tuple.tuple();
        for (Object[] array : arrays) {
            parameters.addValue(array);
        }
        return connection.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }
}
