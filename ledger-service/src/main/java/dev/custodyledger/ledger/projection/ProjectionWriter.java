package dev.custodyledger.ledger.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes projection batches through Hibernate Reactive: one stateless transaction per batch, the position
 * first and conditionally (a fence: a replica that lost the lease cannot overwrite its successor's work),
 * then the rows in JDBC-style batches.
 */
@ApplicationScoped
public class ProjectionWriter {
    private static final MultiRowStatement<LedgerRecordRow> RECORDS = new MultiRowStatement<>(
            "ledger_record",
            List.of(
                    "seq",
                    "kafka_offset",
                    "record_time",
                    "event_id",
                    "type",
                    "actor",
                    "outcome",
                    "code",
                    "message",
                    "envelope"),
            "",
            r -> new Object[] {
                r.seq, r.kafkaOffset, r.recordTime, r.eventId, r.type, r.actor, r.outcome, r.code, r.message, r.envelope
            });
    private static final MultiRowStatement<UnitHistoryRow> HISTORY =
            new MultiRowStatement<>("unit_history", List.of("unit_code", "seq", "via_container"), "", h ->
                    new Object[] {h.unitCode, h.seq, h.viaContainer});
    private static final List<String> UNIT_COLUMNS = List.of(
            "code",
            "kind",
            "gtin",
            "lot",
            "expiry",
            "product",
            "custodian",
            "pending_to",
            "parent",
            "status",
            "recalled",
            "recall_reason",
            "created_seq",
            "last_seq");
    private static final MultiRowStatement<UnitRow> UNITS = new MultiRowStatement<>(
            "unit",
            UNIT_COLUMNS,
            " on conflict (code) do update set "
                    + String.join(
                            ", ",
                            UNIT_COLUMNS.subList(1, UNIT_COLUMNS.size()).stream()
                                    .map(c -> c + " = excluded." + c)
                                    .toList()),
            u -> new Object[] {
                u.code,
                u.kind,
                u.gtin,
                u.lot,
                u.expiry,
                u.product,
                u.custodian,
                u.pendingTo,
                u.parent,
                u.status,
                u.recalled,
                u.recallReason,
                u.createdSeq,
                u.lastSeq
            });
    /** Hibernate's upsert has nothing to update on an all-key row; insert-or-ignore says what is meant. */
    private static final MultiRowStatement<UnitPartyRow> INVOLVEMENT =
            new MultiRowStatement<>("unit_party", List.of("unit_code", "party_id"), " on conflict do nothing", p ->
                    new Object[] {p.unitCode, p.partyId});

    private final Mutiny.SessionFactory sessions;

    ProjectionWriter(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public record Position(long seq, long offset, Instant recordTime) {}

    /** Thrown when the stored position moved under us: another replica writes now. */
    public static final class FencedException extends RuntimeException {
        FencedException(String message) {
            super(message);
        }
    }

    public Uni<Void> write(ProjectionBatch b) {
        return sessions.withStatelessTransaction(s -> s.createNativeQuery(
                        "update projection_position set seq = ?1, kafka_offset = ?2, record_time = ?3 where name = 'ledger' and seq = ?4")
                .setParameter(1, b.seq())
                .setParameter(2, b.offset())
                .setParameter(3, b.recordTime())
                .setParameter(4, b.previousSeq())
                .executeUpdate()
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new FencedException("the projection is no longer at seq " + b.previousSeq()
                                + "; another replica writes it");
                    }
                })
                .chain(() -> RECORDS.execute(s, b.records()))
                .chain(() -> HISTORY.execute(s, b.history()))
                .chain(() -> UNITS.execute(s, b.units()))
                .chain(() -> s.upsertMultiple(b.parties()))
                .chain(() -> s.upsertMultiple(b.keys()))
                .chain(() -> s.upsertMultiple(b.lots()))
                .chain(() -> INVOLVEMENT.execute(s, b.involvement()))
                .chain(() -> b.snapshot() == null
                        ? Uni.createFrom().voidItem()
                        : s.insert(b.snapshot())
                                .chain(() -> s.createNativeQuery("delete from fold_snapshot where seq < ?1")
                                        .setParameter(1, b.snapshot().seq)
                                        .executeUpdate())
                                .replaceWithVoid()));
    }

    public Uni<Position> position() {
        return sessions.withStatelessSession(s -> s.createNativeQuery(
                                "select seq, kafka_offset, record_time from projection_position where name = 'ledger'",
                                Object[].class)
                        .getSingleResult())
                .map(row ->
                        new Position(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), toInstant(row[2])));
    }

    public Uni<FoldSnapshotRow> latestSnapshot() {
        return sessions.withStatelessSession(
                s -> s.createQuery("from FoldSnapshotRow order by seq desc", FoldSnapshotRow.class)
                        .setMaxResults(1)
                        .getSingleResultOrNull());
    }

    /** Drops every projected row and snapshot: the next start rebuilds the read model from the log. */
    public Uni<Void> dropAll() {
        return sessions.withStatelessTransaction(s -> s.createNativeQuery(
                        "truncate ledger_record, unit, unit_history, unit_party, party, party_key, lot, fold_snapshot")
                .executeUpdate()
                .chain(() -> s.createNativeQuery(
                                "update projection_position set seq = 0, kafka_offset = -1, record_time = null where name = 'ledger'")
                        .executeUpdate())
                .replaceWithVoid());
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
