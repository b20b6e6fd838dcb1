package dev.custodyledger.scan.view;

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
    public static final Table<UnitViewRow> TABLE = new Table<>("unit_view", UnitViewRow.class);
}
