package dev.custodyledger.bench;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory fold of single-unit HANDOFF/RECEIVE events on one thread, signatures verified upstream (as
 * ledger-service folds its own topic). Each invocation folds the whole pre-signed batch into a fresh state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FoldBenchmark {
    static final int UNITS = 10_000;
    static final int EVENTS = 100_000;

    private SupplyChainLog log;
    private CustodyFold fold;

    @Setup(Level.Trial)
    public void buildLog() {
        log = new SupplyChainLog(UNITS, EVENTS);
    }

    @Setup(Level.Invocation)
    public void freshFold() {
        fold = log.preparedFold(SignatureCheck.VERIFIED_UPSTREAM);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long foldHandoffsAndReceipts() {
        long accepted = 0;
        for (LedgerRecord record : log.handoffs) {
            Outcome outcome = fold.apply(record);
            if (outcome.accepted()) {
                accepted++;
            }
        }
        if (accepted != EVENTS) {
            throw new IllegalStateException("only " + accepted + " of " + EVENTS + " accepted");
        }
        return accepted;
    }
}
