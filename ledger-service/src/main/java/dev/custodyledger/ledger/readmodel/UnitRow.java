package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.fold.Table;
import java.time.LocalDate;

/** The current state of a unit, as of the read model's position. */
public record UnitRow(
        String code,
        String kind,
        String gtin,
        String lot,
        LocalDate expiry,
        String product,
        String custodian,
        String pendingTo,
        String parent,
        String status,
        boolean recalled,
        String recallReason,
        long createdSeq,
        long lastSeq) {
    public static final Table<UnitRow> TABLE = new Table<>("unit", UnitRow.class);

    static UnitRow of(UnitState u) {
        return new UnitRow(
                u.code().path(),
                u.isContainer() ? "CONTAINER" : "ITEM",
                u.item() == null ? null : u.item().gtin().value(),
                u.lot() == null ? null : u.lot().key().lot().value(),
                u.expiry(),
                u.product() == null ? null : u.product().json(),
                u.custodian().value(),
                u.pendingTo() == null ? null : u.pendingTo().value(),
                u.parent() == null ? null : u.parent().path(),
                u.status().name(),
                u.recalled(),
                u.recallReason(),
                u.createdSeq(),
                u.lastSeq());
    }
}
