package dev.custodyledger.ledger.access;

import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.Role;

/** The party a request acts for, as its credential names it and the registry knows it now. */
public record Caller(PartyState party) {
    public String id() {
        return party.id().value();
    }

    public boolean isOperator() {
        return party.has(Role.OPERATOR);
    }

    /** A brand owner sees every unit of its GTINs. */
    public boolean owns(UnitCode unit) {
        return unit instanceof ItemCode item && party.owns(item.gtin());
    }
}
