package dev.custodyledger.scan.alert;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.text;
import static dev.custodyledger.fold.Table.timestamptz;

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

    static final Table<AlertRow> TABLE = new Table<>(
            "alert",
            AlertRow.class,
            bigint("id", AlertRow::id),
            text("unit_code", AlertRow::unitCode),
            text("brand_id", AlertRow::brandId),
            text("reason", AlertRow::reason),
            timestamptz("raised_at", AlertRow::raisedAt),
            text("status", AlertRow::status),
            text("status_reason", AlertRow::statusReason),
            timestamptz("updated_at", AlertRow::updatedAt));
}
