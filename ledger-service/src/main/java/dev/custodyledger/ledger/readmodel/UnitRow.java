package dev.custodyledger.ledger.readmodel;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.bool;
import static dev.custodyledger.fold.Table.date;
import static dev.custodyledger.fold.Table.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Table<UnitRow> TABLE = new Table<>(
            "unit",
            UnitRow.class,
            text("code", UnitRow::code),
            text("kind", UnitRow::kind),
            text("gtin", UnitRow::gtin),
            text("lot", UnitRow::lot),
            date("expiry", UnitRow::expiry),
            text("product", UnitRow::product),
            text("custodian", UnitRow::custodian),
            text("pending_to", UnitRow::pendingTo),
            text("parent", UnitRow::parent),
            text("status", UnitRow::status),
            bool("recalled", UnitRow::recalled),
            text("recall_reason", UnitRow::recallReason),
            bigint("created_seq", UnitRow::createdSeq),
            bigint("last_seq", UnitRow::lastSeq));

    static UnitRow of(UnitState u) {
        return new UnitRow(
                u.code().path(),
                u.isContainer() ? "CONTAINER" : "ITEM",
                u.item() == null ? null : u.item().gtin().value(),
                u.lot() == null ? null : u.lot().key().lot().value(),
                u.expiry(),
                u.product() == null ? null : json(u),
                u.custodian().value(),
                u.pendingTo() == null ? null : u.pendingTo().value(),
                u.parent() == null ? null : u.parent().path(),
                u.status().name(),
                u.recalled(),
                u.recallReason(),
                u.createdSeq(),
                u.lastSeq());
    }

    private static String json(UnitState u) {
        try {
            return JSON.writeValueAsString(u.product().attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
