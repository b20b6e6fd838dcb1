package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.fold.Table;

/** A record that concerns a unit, directly or through a container it was in. */
public record UnitHistoryRow(String unitCode, long seq, boolean viaContainer) {

    public static final Table<UnitHistoryRow> TABLE = new Table<>("unit_history", UnitHistoryRow.class);

    static UnitHistoryRow of(UnitCode code, long seq, boolean viaContainer) {
        return new UnitHistoryRow(code.path(), seq, viaContainer);
    }
}
