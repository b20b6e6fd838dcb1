package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.fold.Table;

/** A party that held or was named for a unit: who may read its history besides the operator and the brand. */
public record UnitPartyRow(String unitCode, String partyId) {

    public static final Table<UnitPartyRow> TABLE = new Table<>("unit_party", UnitPartyRow.class);
}
