package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.time.Instant;
import java.util.List;

/**
 * What the fold decided for one record, with every unit it touched, so that read models only map it: {@code units}
 * are the units the event named (a container first) or, for an accepted recall of a lot, every unit of the lot;
 * {@code carried} are the units inside named containers that moved with them (empty when rejected). {@code eventId},
 * {@code type} and {@code actor} are null only for records that did not decode. A record outside the fold's
 * {@link FoldScope} is not {@code decided}: neither accepted nor rejected, it names no unit.
 */
public record Outcome(
        long seq,
        long offset,
        Instant recordTime,
        EventId eventId,
        EventType type,
        PartyId actor,
        RejectionCode code,
        String message,
        List<UnitCode> units,
        List<UnitCode> carried,
        boolean decided) {

    /** A record the fold's scope leaves to others: its position only. */
    static Outcome passed(long seq, LedgerRecord record) {
        var signed = record.event();
        return new Outcome(
                seq,
                record.offset(),
                record.recordTime(),
                signed == null ? null : signed.id(),
                signed == null ? null : signed.event().type(),
                signed == null ? null : signed.event().header().actor(),
                null,
                null,
                List.of(),
                List.of(),
                false);
    }

    public boolean accepted() {
        return decided && code == null;
    }

    public boolean rejected() {
        return decided && code != null;
    }
}
