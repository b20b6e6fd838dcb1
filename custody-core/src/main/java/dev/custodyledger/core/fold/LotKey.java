package dev.custodyledger.core.fold;

import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.Lot;

/** A lot is identified by GTIN + lot number (AI 01 + AI 10). */
public record LotKey(Gtin gtin, Lot lot) {
    @Override
    public String toString() {
        return "01/" + gtin + "/10/" + lot;
    }
}
