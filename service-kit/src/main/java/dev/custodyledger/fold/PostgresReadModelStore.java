package dev.custodyledger.fold;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * A service's read model in PostgreSQL beside its position and the fold's checkpoints (tables {@code
 * projection_position}, {@code fold_snapshot} and {@code fold_snapshot_part}, created by the services'
 * migrations), on the reactive client; the rows are the {@link ReadModel}'s to write.
 */
final class PostgresReadModelStore<R> implements ReadModelStore<R> {
    /**
     * Checkpoint bytes per row: the client encodes each parameter on an event loop that also serves HTTP, so one
     * parameter of a hundred megabytes would stall those requests for seconds.
     */
    static final int PART_BYTES = 1 << 20;

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
                .chain(() -> rows.apply(tx))
                .chain(() -> c.state() == null ? Uni.createFrom().voidItem() : snapshot(tx, c)));
    }

    private static Uni<Void> snapshot(SqlConnection tx, Checkpoint c) {
        byte[] state = c.state();
        Uni<?> written = tx.preparedQuery("insert into fold_snapshot (seq, kafka_offset) values ($1, $2)")
                .execute(Tuple.of(c.seq(), c.offset()));
        for (int part = 0; part * PART_BYTES < state.length; part++) {
            int from = part * PART_BYTES;
            Tuple row = Tuple.tuple()
                    .addLong(c.seq())
                    .addInteger(part)
                    .addBuffer(Buffer.buffer().appendBytes(state, from, Math.min(PART_BYTES, state.length - from)));
            written = written.chain(
                    () -> tx.preparedQuery("insert into fold_snapshot_part (seq, part, bytes) values ($1, $2, $3)")
                            .execute(row));
        }
        return written.chain(() -> tx.preparedQuery("delete from fold_snapshot_part where seq < $1")
                        .execute(Tuple.of(c.seq())))
                .chain(() -> tx.preparedQuery("delete from fold_snapshot where seq < $1")
                        .execute(Tuple.of(c.seq())))
                .replaceWithVoid();
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
    public byte[] latestCheckpoint() {
        return Blocking.await(() -> pool.preparedQuery("select bytes from fold_snapshot_part"
                        + " where seq = (select max(seq) from fold_snapshot) order by part")
                .execute()
                .map(parts -> {
                    if (parts.size() == 0) {
                        return null;
                    }
                    var state = new ByteArrayOutputStream(parts.size() * PART_BYTES);
                    for (Row part : parts) {
                        state.writeBytes(part.getBuffer(0).getBytes());
                    }
                    return state.toByteArray();
                }));
    }

    @Override
    public void dropAll() {
        List<String> tables = projection.tables();
        Blocking.await(() -> pool.withTransaction(
                tx -> tx.query("truncate " + String.join(", ", tables) + ", fold_snapshot, fold_snapshot_part")
                        .execute()
                        .chain(() -> tx.preparedQuery("update projection_position set seq = 0, kafka_offset = -1,"
                                        + " record_time = null where name = $1")
                                .execute(Tuple.of(name)))
                        .replaceWithVoid()));
    }
}
