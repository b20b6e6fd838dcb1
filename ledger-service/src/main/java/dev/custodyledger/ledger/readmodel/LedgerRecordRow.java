package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.fold.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One record of the ledger with its outcome; the envelope only where the record decoded. */
public record LedgerRecordRow(
        long seq,
        long kafkaOffset,
        Instant recordTime,
        String eventId,
        String type,
        String actor,
        String outcome,
        String code,
        String message,
        String envelope) {

    public static final Table<LedgerRecordRow> TABLE = new Table<>("ledger_record", LedgerRecordRow.class);

    static LedgerRecordRow of(Folded f) {
        Outcome o = f.outcome();
        return new LedgerRecordRow(
                o.seq(),
                o.offset(),
                o.recordTime(),
                o.eventId() == null ? null : o.eventId().toString(),
                o.type() == null ? null : o.type().name(),
                o.actor() == null ? null : o.actor().value(),
                o.accepted() ? "ACCEPTED" : "REJECTED",
                o.code() == null ? null : o.code().name(),
                o.message(),
                f.record().event() != null ? new String(f.value(), StandardCharsets.UTF_8) : null);
    }
}
