package dev.custodyledger.ledger.projection;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.projection.Folded;
import dev.custodyledger.projection.MultiRowStatement;
import dev.custodyledger.projection.Projection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The ledger's read model: every record, units, their history and involvement, parties, keys and lots, written
 * through Hibernate Reactive inside the projection engine's fenced transaction, in multi-row statements.
 */
@ApplicationScoped
public class LedgerProjection implements Projection<ProjectionBatch> {
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
    private static final MultiRowStatement<UnitRow> UNITS =
            MultiRowStatement.upsert("unit", UNIT_COLUMNS, u -> new Object[] {
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

    @Override
    public ProjectionBatch rows(List<Folded> folded, CustodyState state, long previousSeq) {
        return ProjectionRows.build(folded, state, previousSeq);
    }

    @Override
    public ProjectionBatch merge(List<ProjectionBatch> consecutive) {
        return ProjectionBatch.merge(consecutive);
    }

    @Override
    public Uni<Void> write(Mutiny.StatelessSession s, ProjectionBatch b) {
        return RECORDS.execute(s, b.records())
                .chain(() -> HISTORY.execute(s, b.history()))
                .chain(() -> UNITS.execute(s, b.units()))
                .chain(() -> s.upsertMultiple(b.parties()))
                .chain(() -> s.upsertMultiple(b.keys()))
                .chain(() -> s.upsertMultiple(b.lots()))
                .chain(() -> INVOLVEMENT.execute(s, b.involvement()));
    }

    @Override
    public List<String> tables() {
        return List.of("ledger_record", "unit", "unit_history", "unit_party", "party", "party_key", "lot");
    }
}
