package dev.custodyledger.fold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.testing.TestLedger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CheckpointScheduleTest {
    private final CustodyState genesis = CustodyState.genesis(new TestLedger().anchor());

    private static CheckpointSchedule every(int records, String service) {
        return new CheckpointSchedule(
                new FoldSettings(service, "custody.ledger", "g", 10, records, 0.25, false, null, null, null));
    }

    @Test
    void aSmallStateTakesACheckpointEverySnapshotEveryRecords() {
        var schedule = every(100, "x");
        schedule.restartAt(0);
        long taken = LongStream.rangeClosed(1, 1000)
                .filter(seq -> schedule.due(seq, genesis))
                .count();
        assertThat(taken).isBetween(10L, 11L);
    }

    @Test
    void servicesFoldingTheSameLogTakeTheirCheckpointsAtDifferentSeqs() {
        var ledger = every(100, "ledger");
        var scan = every(100, "scan");
        ledger.restartAt(0);
        scan.restartAt(0);
        long first = LongStream.rangeClosed(1, 200)
                .filter(seq -> ledger.due(seq, genesis))
                .findFirst()
                .orElseThrow();
        long other = LongStream.rangeClosed(1, 200)
                .filter(seq -> scan.due(seq, genesis))
                .findFirst()
                .orElseThrow();
        assertThat(first).isNotEqualTo(other);
    }

    @Test
    void aRestoredFoldCountsFromWhereItWasRestored() {
        var schedule = every(100, "x");
        schedule.restartAt(5_000);
        assertThat(LongStream.rangeClosed(5_001, 5_200).filter(seq -> schedule.due(seq, genesis)))
                .hasSizeBetween(1, 2);
        assertThat(schedule.due(5_201, genesis)).isFalse();
    }
}
