package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.fold.Table;
import java.util.stream.Collectors;

/** A registered party, for reports that read the registry in SQL (the API reads it from the fold). */
public record PartyRow(
        String id,
        String name,
        String roles,
        String companyPrefixes,
        String gln,
        String city,
        String country,
        long registeredSeq,
        long suspendedSeq,
        String suspensionReason) {

    public static final Table<PartyRow> TABLE = new Table<>("party", PartyRow.class);

    static PartyRow of(PartyState p) {
        PartyProfile profile = p.profile();
        return new PartyRow(
                p.id().value(),
                profile.name(),
                profile.roles().stream().map(Role::wire).collect(Collectors.joining(",")),
                profile.companyPrefixes().stream().map(Object::toString).collect(Collectors.joining(",")),
                profile.gln() == null ? null : profile.gln().value(),
                profile.location() == null ? null : profile.location().city(),
                profile.location() == null ? null : profile.location().country(),
                p.registeredSeq(),
                p.suspendedSeq(),
                p.suspensionReason());
    }
}
