package dev.custodyledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.EntryCodec;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.UnitCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process folding onto RocksDB, SIGKILLed at random points while it commits generations, again and again:
 * after each kill the folder holds exactly the state of one commit (position, commitment and every unit as a
 * straight fold has them at that seq), at or after the last commit the process reported, and the process started
 * again folds on from there to the straight fold's end.
 */
class KilledWhileCommittingTest {
    static final int KILLS = 6;

    @TempDir
    Path folder;

    @Test
    void aKillMidCommitLeavesStateAndPositionOfOneCommitAndTheRestartFoldsOn() throws Exception {
        List<LedgerRecord> log = CommittingFolder.log();
        var random = new SplittableRandom(20261202);
        for (int kill = 0; kill < KILLS; kill++) {
            Process folder = start();
            long reported = 0;
            int commits = 1 + random.nextInt(12);
            try (var out = new BufferedReader(new InputStreamReader(folder.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < commits; i++) {
                    String line = out.readLine();
                    if (line == null || !line.startsWith("committed ")) {
                        break;
                    }
                    reported = Long.parseLong(line.substring("committed ".length()));
                }
                folder.destroyForcibly().waitFor(); // SIGKILL, in the middle of the next generation
            }
            long stored = assertOneCommitsState(log);
            assertThat(stored)
                    .as("kill %d: nothing reported committed is lost", kill)
                    .isGreaterThanOrEqualTo(reported);
        }
        Process last = start();
        String done;
        try (var out = new BufferedReader(new InputStreamReader(last.getInputStream(), StandardCharsets.UTF_8))) {
            done = out.lines().filter(l -> l.startsWith("done ")).findFirst().orElseThrow();
        }
        assertThat(last.waitFor()).isZero();
        assertThat(done.substring("done ".length()))
                .isEqualTo(straight(log, log.size()).state().commitment());
        assertThat(assertOneCommitsState(log)).isEqualTo(log.size());
    }

    /** The stored state against a straight fold to the stored seq, unit by unit; the seq. */
    private long assertOneCommitsState(List<LedgerRecord> log) {
        try (var store = RocksStateStore.open(folder, 8 << 20)) {
            var stored = CustodyState.open(store, CommittingFolder.ledger().anchor());
            long seq = stored.lastSeq();
            CustodyFold straight = straight(log, (int) seq);
            assertThat(stored.position()).isEqualTo(straight.state().position());
            for (UnitCode code : CommittingFolder.units()) {
                assertThat(bytes(stored.unit(code)))
                        .as("unit %s at seq %d", code, seq)
                        .isEqualTo(bytes(straight.state().unit(code)));
            }
            return seq;
        }
    }

    private static CustodyFold straight(List<LedgerRecord> log, int records) {
        var fold = CustodyFold.fromGenesis(
                CommittingFolder.ledger().anchor(), LedgerRules.DEFAULT, SignatureCheck.VERIFIED_UPSTREAM);
        log.subList(0, records).forEach(fold::apply);
        return fold;
    }

    private static String bytes(UnitState unit) {
        return unit == null
                ? "-"
                : HexFormat.of().formatHex(EntryCodec.unit(unit)) + " "
                        + unit.lot().units();
    }

    private Process start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CommittingFolder.class.getName(),
                        folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
