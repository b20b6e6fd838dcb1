package dev.custodyledger.ledger.readmodel;

import static dev.custodyledger.fold.MultiRowStatement.bigint;
import static dev.custodyledger.fold.MultiRowStatement.bool;
import static dev.custodyledger.fold.MultiRowStatement.date;
import static dev.custodyledger.fold.MultiRowStatement.text;
import static dev.custodyledger.fold.MultiRowStatement.timestamptz;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.fold.MultiRowStatement;
import dev.custodyledger.fold.MultiRowStatement.Column;
import dev.custodyledger.fold.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The ledger's read model: every record, units, their history and involvement, parties, keys and lots, written
 * on the reactive client inside the projection engine's fenced transaction, one array statement per table (ADR 12);
 * the queries read them back through Hibernate Reactive.
 */
@ApplicationScoped
public class LedgerReadModel implements ReadModel<LedgerRowSet> {
    private static final MultiRowStatement<LedgerRecordRow> RECORDS = new MultiRowStatement<>(
            "ledger_record",
            List.of(
                    bigint("seq"),
                    bigint("kafka_offset"),
                    timestamptz("record_time"),
                    text("event_id"),
                    text("type"),
                    text("actor"),
                    text("outcome"),
                    text("code"),
                    text("message"),
                    text("envelope")),
            "",
            r -> new Object[] {
                r.seq, r.kafkaOffset, r.recordTime, r.eventId, r.type, r.actor, r.outcome, r.code, r.message, r.envelope
            });
    private static final MultiRowStatement<UnitHistoryRow> HISTORY = new MultiRowStatement<>(
            "unit_history", List.of(text("unit_code"), bigint("seq"), bool("via_container")), "", h ->
                    new Object[] {h.unitCode, h.seq, h.viaContainer});
    private static final List<Column> UNIT_COLUMNS = List.of(
            text("code"),
            text("kind"),
            text("gtin"),
            text("lot"),
            date("expiry"),
            text("product"),
            text("custodian"),
            text("pending_to"),
            text("parent"),
            text("status"),
            bool("recalled"),
            text("recall_reason"),
            bigint("created_seq"),
            bigint("last_seq"));
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
    /** An all-key row has nothing to update: insert-or-ignore. */
    private static final MultiRowStatement<UnitPartyRow> INVOLVEMENT = new MultiRowStatement<>(
            "unit_party", List.of(text("unit_code"), text("party_id")), " on conflict do nothing", p ->
                    new Object[] {p.unitCode, p.partyId});

    private static final MultiRowStatement<PartyRow> PARTIES = MultiRowStatement.upsert(
            "party",
            List.of(
                    text("id"),
                    text("name"),
                    text("roles"),
                    text("company_prefixes"),
                    text("gln"),
                    text("city"),
                    text("country"),
                    bigint("registered_seq"),
                    bigint("suspended_seq"),
                    text("suspension_reason")),
            p -> new Object[] {
                p.id,
                p.name,
                p.roles,
                p.companyPrefixes,
                p.gln,
                p.city,
                p.country,
                p.registeredSeq,
                p.suspendedSeq,
                p.suspensionReason
            });
    private static final MultiRowStatement<PartyKeyRow> KEYS = MultiRowStatement.upsert(
            "party_key",
            List.of(
                    text("key_id"),
                    text("party_id"),
                    text("public_key"),
                    text("purpose"),
                    bigint("added_seq"),
                    bigint("revoked_seq"),
                    text("revocation_reason")),
            k -> new Object[] {k.keyId, k.partyId, k.publicKey, k.purpose, k.addedSeq, k.revokedSeq, k.revocationReason
            });
    private static final MultiRowStatement<LotRow> LOTS = MultiRowStatement.upsert(
            "lot",
            List.of(
                    text("id"),
                    text("gtin"),
                    text("lot"),
                    bigint("units"),
                    bigint("recalled_seq"),
                    text("recall_reason")),
            l -> new Object[] {l.id, l.gtin, l.lot, l.units, l.recalledSeq, l.recallReason});

    @Override
    public LedgerRowSet rows(List<Folded> folded, CustodyState state, long previousSeq) {
        return LedgerRows.build(folded, state, previousSeq);
    }

    @Override
    public LedgerRowSet merge(List<LedgerRowSet> consecutive) {
        return LedgerRowSet.merge(consecutive);
    }

    @Override
    public Uni<Void> write(SqlConnection tx, LedgerRowSet b) {
        return RECORDS.execute(tx, b.records())
                .chain(() -> HISTORY.execute(tx, b.history()))
                .chain(() -> UNITS.execute(tx, b.units()))
                .chain(() -> PARTIES.execute(tx, b.parties()))
                .chain(() -> KEYS.execute(tx, b.keys()))
                .chain(() -> LOTS.execute(tx, b.lots()))
                .chain(() -> INVOLVEMENT.execute(tx, b.involvement()));
    }

    @Override
    public List<String> tables() {
        return List.of("ledger_record", "unit", "unit_history", "unit_party", "party", "party_key", "lot");
    }
}
