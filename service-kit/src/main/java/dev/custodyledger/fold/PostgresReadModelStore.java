package dev.custodyledger.fold;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * A service's read model in PostgreSQL beside its position (table {@code projection_position}, created by the
 * services' migrations), on the reactive client; the rows are the {@link ReadModel}'s to write.
 */
final class PostgresReadModelStore<R> implements ReadModelStore<R> {
    private final Pool pool;
    private final String name;
    private final ReadModel<R> projection;

    PostgresReadModelStore(Pool pool, String name, ReadModel<R> projection) {
        this.pool = pool;
        this.name = name;
        this.projection = projection;
    }

    /** Thrown when the stored position moved under us: another replica writes now. */
    static final class FencedException extends RuntimeException {
        FencedException(String message) {
            super(message);
        }
    }

    @Override
    public void write(Checkpoint checkpoint, R rows) {
        Blocking.await(() -> write(checkpoint, tx -> projection.write(tx, rows)));
    }

    private Uni<Void> write(Checkpoint c, Function<SqlConnection, Uni<Void>> rows) {
        Tuple position = Tuple.tuple()
                .addLong(c.seq())
                .addLong(c.offset())
                .addValue(c.recordTime() == null ? null : c.recordTime().atOffset(ZoneOffset.UTC))
                .addString(name)
                .addLong(c.previousSeq());
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "update projection_position set seq = $1, kafka_offset = $2, record_time = $3"
                                + " where name = $4 and seq = $5")
                .execute(position)
                .invoke(updated -> {
                    if (updated.rowCount() != 1) {
                        throw new FencedException("the projection is no longer at seq " + c.previousSeq()
                                + "; another replica writes it");
                    }
                })
                .chain(() -> rows.apply(tx)));
    }

    @Override
    public Position position() {
        return Blocking.await(() -> pool.preparedQuery(
                        "select seq, kafka_offset, record_time from projection_position where name = $1")
                .execute(Tuple.of(name))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime time = row.getOffsetDateTime(2);
                    return new Position(row.getLong(0), row.getLong(1), time == null ? null : time.toInstant());
                }));
    }

    @Override
    public void dropAll() {
        List<String> tables = projection.tables();
        Blocking.await(() -> pool.withTransaction(tx -> (tables.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : tx.query("truncate " + String.join(", ", tables))
                                .execute()
                                .replaceWithVoid())
                .chain(() -> tx.preparedQuery("update projection_position set seq = 0, kafka_offset = -1,"
                                + " record_time = null where name = $1")
                        .execute(Tuple.of(name)))
                .replaceWithVoid()));
    }
}
