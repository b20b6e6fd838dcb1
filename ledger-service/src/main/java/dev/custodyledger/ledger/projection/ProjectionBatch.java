package dev.custodyledger.ledger.projection;

import java.time.Instant;
import java.util.List;

/**
 * The rows one batch of folded records changes, and the position they bring the projection to. Written in
 * one transaction only if the stored position is still {@code previousSeq}.
 */
public record ProjectionBatch(
        long previousSeq,
        long seq,
        long offset,
        Instant recordTime,
        List<LedgerRecordRow> records,
        List<UnitRow> units,
        List<UnitHistoryRow> history,
        List<PartyRow> parties,
        List<PartyKeyRow> keys,
        List<LotRow> lots,
        List<UnitPartyRow> involvement,
        FoldSnapshotRow snapshot) {}
