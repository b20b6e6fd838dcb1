package dev.custodyledger.ledger.readmodel;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.text;

import dev.custodyledger.core.fold.LotState;
import dev.custodyledger.fold.Table;

/** A lot: how many units were commissioned in it, and its recall. */
public record LotRow(String id, String gtin, String lot, long units, long recalledSeq, String recallReason) {

    public static final Table<LotRow> TABLE = new Table<>(
            "lot",
            LotRow.class,
            text("id", LotRow::id),
            text("gtin", LotRow::gtin),
            text("lot", LotRow::lot),
            bigint("units", LotRow::units),
            bigint("recalled_seq", LotRow::recalledSeq),
            text("recall_reason", LotRow::recallReason));

    static LotRow of(LotState lot) {
        return new LotRow(
                lot.key().toString(),
                lot.key().gtin().value(),
                lot.key().lot().value(),
                lot.units(),
                lot.recalledSeq(),
                lot.recallReason());
    }
}
