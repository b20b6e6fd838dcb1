package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;

/** A registered party. */
public final class PartyState {
    private final PartyProfile profile;
    private final long registeredSeq;
    private long suspendedSeq;
    private String suspensionReason;

    PartyState(PartyProfile profile, long registeredSeq) {
        this.profile = profile;
        this.registeredSeq = registeredSeq;
    }

    void suspend(long seq, String reason) {
        this.suspendedSeq = seq;
        this.suspensionReason = reason;
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
