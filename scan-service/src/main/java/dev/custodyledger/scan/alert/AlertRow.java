package dev.custodyledger.scan.alert;

import dev.custodyledger.fold.Table;
import java.time.Instant;

/** An alert as stored: the clone detector opens it, the brand owner works it through. */
record AlertRow(
        long id,
        String unitCode,
        String brandId,
        String reason,
        Instant raisedAt,
        String status,
        String statusReason,
        Instant updatedAt) {

    static final Table<AlertRow> TABLE = new Table<>("alert", AlertRow.class);
}
