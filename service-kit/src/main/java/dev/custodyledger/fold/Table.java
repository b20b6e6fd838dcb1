package dev.custodyledger.fold;

import io.vertx.mutiny.sqlclient.Row;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read-model table described once, by its row record: a column per record component, in the record's order,
 * named as the component in snake case ({@code recallReason} is {@code recall_reason}), typed by the component's
 * Java type. The same description writes rows (as one array statement per table, {@link MultiRowStatement}) and
 * reads them back (a result row to a record through its canonical constructor), so a column is named in the
 * migration and in its record, nowhere else. A record with a component of no column type fails when the class
 * loads, not when a query runs.
 *
 * @param <T> the row record
 */
public final class Table<T extends Record> {
    private final String name;
    private final List<Column<T>> columns;
    private final Constructor<T> constructor;

    /** The column types the read models use. */
    public enum SqlType {
        BIGINT("bigint", long.class, Long.class),
        TEXT("text", String.class),
        BOOLEAN("boolean", boolean.class, Boolean.class),
        DATE("date", LocalDate.class),
        TIMESTAMPTZ("timestamptz", Instant.class),
        BYTEA("bytea", byte[].class),
        /** JSON text, bound as text and cast in the statement (the client has no array type for JSON text). */
        JSONB("text");

        final String sql;
        private final List<Class<?>> javaTypes;

        SqlType(String sql, Class<?>... javaTypes) {
            this.sql = sql;
            this.javaTypes = List.of(javaTypes);
        }

        static SqlType of(RecordComponent component) {
            for (SqlType type : values()) {
                if (type.javaTypes.contains(component.getType())) {
                    return type;
                }
            }
            throw new IllegalArgumentException(
                    component.getDeclaringRecord().getSimpleName() + "." + component.getName() + " is "
                            + component.getType().getSimpleName() + ", which no column type holds");
        }

        /** How a statement selects a bound array's element into the column. */
        String selected(String element) {
            return this == JSONB ? element + "::jsonb" : element;
        }

        Object bindable(Object value) {
            return switch (value) {
                case Instant instant -> instant.atOffset(ZoneOffset.UTC);
                case byte[] bytes -> io.vertx.core.buffer.Buffer.buffer(bytes);
                case null, default -> value;
            };
        }

        Object[] array(int size) {
            return switch (this) {
                case BIGINT -> new Long[size];
                case TEXT, JSONB -> new String[size];
                case BOOLEAN -> new Boolean[size];
                case DATE -> new LocalDate[size];
                case TIMESTAMPTZ -> new OffsetDateTime[size];
                case BYTEA -> new io.vertx.core.buffer.Buffer[size];
            };
        }

        Object read(Row row, String column) {
            return switch (this) {
                case BIGINT -> row.getLong(column);
                case TEXT -> row.getString(column);
                // The client decodes JSON into its own objects; the record holds the JSON text.
                case JSONB -> {
                    Object json = row.getValue(column);
                    yield json == null ? null : json.toString();
                }
                case BOOLEAN -> row.getBoolean(column);
                case DATE -> row.getLocalDate(column);
                case TIMESTAMPTZ -> {
                    OffsetDateTime time = row.getOffsetDateTime(column);
                    yield time == null ? null : time.toInstant();
                }
                case BYTEA -> {
                    var bytes = row.getBuffer(column);
                    yield bytes == null ? null : bytes.getBytes();
                }
            };
        }
    }

    /** One column: its name, its type, and what gives its value from a row. */
    public record Column<T>(String name, SqlType type, Function<T, Object> value) {}

    /** The table {@code name} with a column per component of {@code type}. */
    public Table(String name, Class<T> type) {
        this.name = name;
        RecordComponent[] components = type.getRecordComponents();
        this.columns = Arrays.stream(components).map(Table::<T>column).toList();
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            // Row records may be package-private to the read model that owns them.
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static <T> Column<T> column(RecordComponent component) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        String name = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        return new Column<>(name, SqlType.of(component), row -> {
            try {
                return accessor.invoke(row);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String name() {
        return name;
    }

    /** Every column qualified by {@code alias}, for a select list. */
    public String columns(String alias) {
        return columns.stream().map(c -> alias + "." + c.name()).collect(Collectors.joining(", "));
    }

    /** {@code select <every column> from <table> <alias>}. */
    public String select(String alias) {
        return "select " + columns(alias) + " from " + name + " " + alias;
    }

    /** The record a result row holds, its columns found by name. */
    public T read(Row row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).type().read(row, columns.get(i).name());
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("a row of " + name + " did not make a record: " + e.getMessage(), e);
        }
    }

    /** Appends rows, or ignores a row whose key is there ({@code tail} e.g. {@code " on conflict do nothing"}). */
    public MultiRowStatement<T> insert(String tail) {
        return new MultiRowStatement<>(name, columns, tail);
    }

    /** Insert-or-update keyed by the first column: every other column takes the new row's value. */
    public MultiRowStatement<T> upsert() {
        return upsert(row -> row, List.of(), Map.of());
    }

    /**
     * Insert-or-update of a write {@code W} that holds a row ({@code part}) and values for {@code extra} columns the
     * row record does not read back (such as what a write appends to a stored value), keyed by the first column: a
     * column named in {@code merges} takes that expression (over {@code table.column}, the stored value, and
     * {@code excluded.column}, the new one), every other column the new row's value.
     */
    public <W> MultiRowStatement<W> upsert(Function<W, T> part, List<Column<W>> extra, Map<String, String> merges) {
        List<Column<W>> all = new ArrayList<>();
        for (Column<T> c : columns) {
            all.add(new Column<>(c.name(), c.type(), w -> c.value().apply(part.apply(w))));
        }
        all.addAll(extra);
        String updates = all.subList(1, all.size()).stream()
                .map(c -> c.name() + " = " + merges.getOrDefault(c.name(), "excluded." + c.name()))
                .collect(Collectors.joining(", "));
        return new MultiRowStatement<>(name, all, " on conflict (" + all.get(0).name() + ") do update set " + updates);
    }
}
