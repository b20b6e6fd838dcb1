package dev.custodyledger.scan.view;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.bool;
import static dev.custodyledger.fold.Table.date;
import static dev.custodyledger.fold.Table.text;

import dev.custodyledger.fold.Table;
import java.time.LocalDate;

/** One unit as a verify reads it; {@code containers} is the chain it sits in, innermost first, space separated. */
public record UnitViewRow(
        String code,
        String kind,
        String gtin,
        String lot,
        LocalDate expiry,
        String product,
        String brandId,
        String brandName,
        String status,
        boolean unitRecalled,
        boolean lotRecalled,
        String recallReason,
        boolean inTransit,
        String custodianName,
        String custodianCity,
        String custodianCountry,
        String containers,
        long lastSeq) {

    /** {@code unit_view} without its journey, which a write appends to and a verify reads as JSON. */
    public static final Table<UnitViewRow> TABLE = new Table<>(
            "unit_view",
            UnitViewRow.class,
            text("code", UnitViewRow::code),
            text("kind", UnitViewRow::kind),
            text("gtin", UnitViewRow::gtin),
            text("lot", UnitViewRow::lot),
            date("expiry", UnitViewRow::expiry),
            text("product", UnitViewRow::product),
            text("brand_id", UnitViewRow::brandId),
            text("brand_name", UnitViewRow::brandName),
            text("status", UnitViewRow::status),
            bool("unit_recalled", UnitViewRow::unitRecalled),
            bool("lot_recalled", UnitViewRow::lotRecalled),
            text("recall_reason", UnitViewRow::recallReason),
            bool("in_transit", UnitViewRow::inTransit),
            text("custodian_name", UnitViewRow::custodianName),
            text("custodian_city", UnitViewRow::custodianCity),
            text("custodian_country", UnitViewRow::custodianCountry),
            text("containers", UnitViewRow::containers),
            bigint("last_seq", UnitViewRow::lastSeq));
}
