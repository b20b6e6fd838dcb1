package dev.custodyledger.projection;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The projection's position and the fold's checkpoints in PostgreSQL (tables {@code projection_position} and
 * {@code fold_snapshot}, created by each service's migrations). Every write moves the position conditionally
 * first, a fence: a replica that lost the lease cannot overwrite its successor's work.
 */
final class CheckpointStore {
    private final Mutiny.SessionFactory sessions;
    private final String name;

    CheckpointStore(Mutiny.SessionFactory sessions, String name) {
        this.sessions = sessions;
        this.name = name;
    }

    record Position(long seq, long offset, Instant recordTime) {}

    /** Thrown when the stored position moved under us: another replica writes now. */
    static final class FencedException extends RuntimeException {
        FencedException(String message) {
            super(message);
        }
    }

    Uni<Void> write(Checkpoint c, Function<Mutiny.StatelessSession, Uni<Void>> rows) {
        return sessions.withStatelessTransaction(s -> s.createNativeQuery(
                        "update projection_position set seq = ?1, kafka_offset = ?2, record_time = ?3 where name = ?4 and seq = ?5")
                .setParameter(1, c.seq())
                .setParameter(2, c.offset())
                .setParameter(3, c.recordTime())
                .setParameter(4, name)
                .setParameter(5, c.previousSeq())
                .executeUpdate()
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new FencedException("the projection is no longer at seq " + c.previousSeq()
                                + "; another replica writes it");
                    }
                })
                .chain(() -> rows.apply(s))
                .chain(() -> c.state() == null ? Uni.createFrom().voidItem() : snapshot(s, c)));
    }

    private static Uni<Void> snapshot(Mutiny.StatelessSession s, Checkpoint c) {
        return s.createNativeQuery("insert into fold_snapshot (seq, kafka_offset, state) values (?1, ?2, ?3)")
                .setParameter(1, c.seq())
                .setParameter(2, c.offset())
                .setParameter(3, c.state())
                .executeUpdate()
                .chain(() -> s.createNativeQuery("delete from fold_snapshot where seq < ?1")
                        .setParameter(1, c.seq())
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Position> position() {
        return sessions.withStatelessSession(s -> s.createNativeQuery(
                                "select seq, kafka_offset, record_time from projection_position where name = ?1",
                                Object[].class)
                        .setParameter(1, name)
                        .getSingleResult())
                .map(row -> new Position(
                        ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), SqlValues.instant(row[2])));
    }

    /** The newest checkpoint's state bytes, or null when there is none yet. */
    Uni<byte[]> latestState() {
        return sessions.withStatelessSession(
                s -> s.createNativeQuery("select state from fold_snapshot order by seq desc limit 1", byte[].class)
                        .getSingleResultOrNull());
    }

    /** Empties the projection's tables and the checkpoints and puts the position back to the start. */
    Uni<Void> dropAll(List<String> tables) {
        return sessions.withStatelessTransaction(
                s -> s.createNativeQuery("truncate " + String.join(", ", tables) + ", fold_snapshot")
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery(
                                        "update projection_position set seq = 0, kafka_offset = -1, record_time = null where name = ?1")
                                .setParameter(1, name)
                                .executeUpdate())
                        .replaceWithVoid());
    }
}
