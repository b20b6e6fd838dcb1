package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;

/** A registered party; immutable: a suspension is a new state of it. */
public final class PartyState {
    private final PartyProfile profile;
    private final long registeredSeq;
    private final long suspendedSeq;
    private final String suspensionReason;

    PartyState(PartyProfile profile, long registeredSeq) {
        this(profile, registeredSeq, 0, null);
    }

    PartyState(PartyProfile profile, long registeredSeq, long suspendedSeq, String suspensionReason) {
        this.profile = profile;
        this.registeredSeq = registeredSeq;
        this.suspendedSeq = suspendedSeq;
        this.suspensionReason = suspensionReason;
    }

    PartyState suspended(long seq, String reason) {
        return new PartyState(profile, registeredSeq, seq, reason);
    }

    public PartyId id() {
        return profile.id();
    }

    public PartyProfile profile() {
        return profile;
    }

    public long registeredSeq() {
        return registeredSeq;
    }

    public boolean suspended() {
        return suspendedSeq > 0;
    }

    public long suspendedSeq() {
        return suspendedSeq;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    public boolean has(Role role) {
        return profile.roles().contains(role);
    }

    public boolean owns(Gtin gtin) {
        for (CompanyPrefix prefix : profile.companyPrefixes()) {
            if (prefix.owns(gtin)) {
                return true;
            }
        }
        return false;
    }
}
