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
 * {@code type} and {@code actor} are null only for records that did not decode.
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
        List<UnitCode> carried) {

    public boolean accepted() {
        return code == null;
    }
}
