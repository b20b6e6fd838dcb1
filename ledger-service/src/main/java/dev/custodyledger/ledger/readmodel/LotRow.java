package dev.custodyledger.ledger.readmodel;

import dev.custodyledger.core.fold.LotState;
import dev.custodyledger.fold.Table;

/** A lot: how many units were commissioned in it, and its recall. */
public record LotRow(String id, String gtin, String lot, long units, long recalledSeq, String recallReason) {

    public static final Table<LotRow> TABLE = new Table<>("lot", LotRow.class);

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
