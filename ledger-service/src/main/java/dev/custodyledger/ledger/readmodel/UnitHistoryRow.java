package dev.custodyledger.ledger.readmodel;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.bool;
import static dev.custodyledger.fold.Table.text;

import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.fold.Table;

/** A record that concerns a unit, directly or through a container it was in. */
public record UnitHistoryRow(String unitCode, long seq, boolean viaContainer) {

    public static final Table<UnitHistoryRow> TABLE = new Table<>(
            "unit_history",
            UnitHistoryRow.class,
            text("unit_code", UnitHistoryRow::unitCode),
            bigint("seq", UnitHistoryRow::seq),
            bool("via_container", UnitHistoryRow::viaContainer));

    static UnitHistoryRow of(UnitCode code, long seq, boolean viaContainer) {
        return new UnitHistoryRow(code.path(), seq, viaContainer);
    }
}
