package dev.custodyledger.fold;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.FoldScope;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's lifecycle driven one step at a time against a log, a lease and a read model in memory, with its
 * state in a RocksDB folder that outlives each engine as a replica's volume does: every
 * transition a replica meets (the lease gained and lost, a rebuild, a restore racing a write, the database failing
 * mid-write, a stop in each phase), and after each the one invariant that matters: every record of the log is in
 * the read model exactly once, in order, and the fold decides only on state as current as what it answered before.
 */
class FoldEnginePhasesTest {
    static final String BRAND = "acme-foods";
    static final Gtin FORMULA = gtin(TestLedger.BRAND_PREFIX, 13435);

    final TestLedger ledger = new TestLedger();
    final FakeLedgerLog log = new FakeLedgerLog(3);
    final MemoryReadModelStore readModel = new MemoryReadModelStore();
    final List<Long> pauses = new ArrayList<>();
    volatile boolean leaseHeld = true;

    @TempDir
    Path stateDir;

    StateHome state;
    FoldEngine<List<Long>> engine;
    int serial;

    @BeforeEach
    void aLedgerWithABrand() {
        state = StateHome.onDisk(stateDir, 8 << 20);
        ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX).forEach(this::append);
        commission(4);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private void append(SignedEvent event) {
        log.append(event, ledger.now());
    }

    private void commission(int events) {
        for (int i = 0; i < events; i++) {
            append(ledger.commission(BRAND, "L1", item(FORMULA, "S" + serial++)));
        }
    }

    private FoldEngine<List<Long>> engine(boolean rebuildOnStart) {
        var settings = new FoldSettings(
                "test",
                "custody.ledger",
                "test-projection",
                3,
                rebuildOnStart,
                ledger.anchor(),
                new LedgerRules(Duration.ofMinutes(5), Duration.ofDays(30)),
                SignatureCheck.VERIFY,
                FoldScope.LEDGER,
                null,
                0);
        var ports = new FoldEngine.Ports<List<Long>>(
                () -> log, () -> new FakeLease(() -> leaseHeld), readModel, state, pauses::add);
        engine = new FoldEngine<>(settings, readModel, folded -> {}, ports, new SimpleMeterRegistry());
        engine.open();
        return engine;
    }

    /** Steps until the phase is {@code phase}, at most a bounded number of steps. */
    private void stepTo(Phase phase) {
        for (int i = 0; i < 100 && engine.phase() != phase; i++) {
            engine.step();
        }
        assertThat(engine.phase()).isEqualTo(phase);
    }

    /** Steps while the writer catches up with the fold (the writer is a thread of its own). */
    private void stepUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the engine got there").isLessThan(deadline);
            engine.step();
        }
    }

    /** A replica without the lease that has folded the whole log. */
    private void followingToTheEnd() {
        leaseHeld = false;
        engine(false);
        stepTo(Phase.FOLLOWING);
        stepUntil(() -> engine.lastSeq() == records());
    }

    private long records() {
        return log.end();
    }

    private void everyRecordWrittenOnceInOrder() {
        // The writer sets its projected seq once the store has answered: wait for both, or a commit may miss it.
        stepUntil(() -> readModel.position().seq() == records() && engine.projectedSeq() == records());
        assertThat(readModel.rows())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, records()).boxed().toList());
    }

    @Test
    void aReplicaWithoutTheLeaseFoldsEverythingAndWritesNothing() {
        followingToTheEnd();
        engine.step();
        assertThat(engine.current()).isTrue();
        assertThat(engine.writesProjections()).isFalse();
        assertThat(readModel.everWritten()).isEmpty();
    }

    @Test
    void aFollowerReportsWhereTheReadModelStandsThatAnotherReplicaWrites() {
        followingToTheEnd();
        assertThat(engine.projectedSeq()).isZero();
        readModel.writtenElsewhereUpTo(records());
        stepUntil(() -> engine.projectedSeq() == records());
        assertThat(engine.head().projectedSeq()).isEqualTo(records());
        assertThat(readModel.everWritten()).isEmpty();
    }

    @Test
    void theLeaseGainedWhileFollowingRestoresThenWritesFromWhereTheStoreStands() {
        followingToTheEnd();
        leaseHeld = true;
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.RESTORING);
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.WRITING);
        commission(3);
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.everWritten()).hasSameSizeAs(readModel.rows());
    }

    @Test
    void theLeaseLostWhileRestoringLeavesTheReplicaFollowing() {
        engine(false);
        stepTo(Phase.RESTORING);
        leaseHeld = false;
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.FOLLOWING);
        stepUntil(() -> engine.lastSeq() == records());
        assertThat(readModel.everWritten()).isEmpty();
    }

    @Test
    void theLeaseLostWhileWritingStopsTheWritesAndTheSuccessorContinuesFromTheStore() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        leaseHeld = false;
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.FOLLOWING);
        commission(2);
        stepUntil(() -> engine.lastSeq() == records());
        assertThat(readModel.position().seq()).isLessThan(records());
        leaseHeld = true;
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.everWritten()).hasSameSizeAs(readModel.rows());
    }

    @Test
    void aRebuildAskedWhileWritingEmptiesTheReadModelAndWritesEveryRecordAgain() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        engine.rebuild();
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.REBUILDING);
        engine.step();
        assertThat(readModel.drops()).isEqualTo(1);
        assertThat(engine.phase()).isEqualTo(Phase.RESTORING);
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.everWritten()).hasSize(2 * (int) records());
    }

    @Test
    void aRestartedEngineFoldsOnFromItsStoreAndWritesNoRowTwice() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        engine.step(); // commits what the read model holds to the store
        engine.close();
        engine(false);
        engine.step();
        engine.step();
        assertThat(engine.lastSeq())
                .as("resumed from the store, not from genesis")
                .isEqualTo(records());
        commission(2);
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.everWritten()).hasSameSizeAs(readModel.rows());
    }

    @Test
    void aStoreAheadOfTheReadModelIsFoldedAgainFromGenesisWritingEveryRowOnce() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        engine.step();
        engine.close();
        readModel.dropAll(); // the read model restored from an old backup, behind the store's back
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.rows()).hasSize((int) records());
    }

    @Test
    void aRebuildAskedAtStartEmptiesTheReadModelBeforeAnyRestore() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        engine.close();
        engine(true);
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.REBUILDING);
        engine.step();
        assertThat(readModel.drops()).isEqualTo(1);
        assertThat(readModel.position().seq()).isZero();
        everyRecordWrittenOnceInOrder();
    }

    @Test
    void aRebuildAskedWithoutTheLeaseWaitsForIt() {
        leaseHeld = false;
        engine(false);
        stepTo(Phase.FOLLOWING);
        engine.rebuild();
        engine.step();
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.FOLLOWING);
        assertThat(readModel.drops()).isZero();
        leaseHeld = true;
        stepTo(Phase.WRITING);
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.REBUILDING);
    }

    @Test
    void aRestoreRacingAWriteInFlightWritesNothingTwice() throws Exception {
        engine(false);
        stepTo(Phase.WRITING);
        readModel.holdNextWrite();
        engine.step();
        readModel.awaitHolding();
        engine.restoreFromStore();
        // The folding thread's next step restores; it must wait for the write in flight before it reads the position.
        var restoring = CompletableFuture.runAsync(() -> {
            engine.step();
            engine.step();
        });
        Thread.sleep(100);
        assertThat(restoring).isNotDone();
        readModel.release();
        restoring.get();
        everyRecordWrittenOnceInOrder();
        assertThat(readModel.everWritten()).hasSameSizeAs(readModel.rows());
    }

    @Test
    void theDatabaseFailingMidWriteRestoresAndLosesNothing() {
        readModel.failNextWrites(2);
        engine(false);
        stepTo(Phase.WRITING);
        stepUntil(() -> engine.failure().isPresent());
        assertThat(engine.phase()).isEqualTo(Phase.RESTORING);
        assertThat(pauses).isNotEmpty();
        everyRecordWrittenOnceInOrder();
        assertThat(engine.failure()).isEmpty();
        assertThat(readModel.everWritten()).hasSameSizeAs(readModel.rows());
    }

    @Test
    void aRewoundFoldDoesNotDecideUntilItIsBackWhereItWas() {
        followingToTheEnd();
        engine.step();
        assertThat(engine.current()).isTrue();
        engine.restoreFromStore();
        assertThat(engine.current())
                .as("a restore asked for disowns the state at once")
                .isFalse();
        engine.step();
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.FOLLOWING);
        assertThat(engine.lastSeq()).isLessThan(records());
        assertThat(engine.current()).isFalse();
        stepUntil(() -> engine.lastSeq() == records());
        assertThat(engine.current()).isTrue();
    }

    @Test
    void aRestoreDropsWhatIsNotCommittedAndFoldsOnFromTheStore() {
        engine(false);
        stepTo(Phase.WRITING);
        everyRecordWrittenOnceInOrder();
        engine.step();
        engine.restoreFromStore();
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.RESTORING);
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.WRITING);
        assertThat(engine.lastSeq())
                .as("restored from the committed store, not from genesis")
                .isEqualTo(records());
    }

    @ParameterizedTest
    @EnumSource(
            value = Phase.class,
            names = {"STARTING", "RESTORING", "FOLLOWING", "WRITING", "REBUILDING"})
    void aStopEndsEveryPhase(Phase phase) {
        leaseHeld = phase != Phase.FOLLOWING;
        engine(phase == Phase.REBUILDING);
        if (phase != Phase.STARTING) {
            stepTo(phase);
        }
        engine.close();
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.STOPPED);
        engine.step();
        assertThat(engine.phase()).isEqualTo(Phase.STOPPED);
    }
}
