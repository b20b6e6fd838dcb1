package dev.custodyledger.bench;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.store.RocksStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The fold of single-unit HANDOFF/RECEIVE events on one thread, signatures verified upstream (as ledger-service
 * folds its own topic): on the heap store, and on RocksDB as the services fold, a generation sealed and committed
 * every poll's worth of records. Each invocation folds the whole pre-signed batch into a fresh state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FoldBenchmark {
    static final int UNITS = 10_000;
    static final int EVENTS = 100_000;

    /** Records per generation: a poll of the engine (custody.projection.max-batch). */
    static final int POLL = 2_000;

    private SupplyChainLog log;
    private CustodyFold fold;
    private CustodyFold onDisk;
    private RocksStateStore store;
    private Path folder;

    @Setup(Level.Trial)
    public void buildLog() {
        log = new SupplyChainLog(UNITS, EVENTS);
    }

    @Setup(Level.Invocation)
    public void freshFold() throws IOException {
        fold = log.preparedFold(SignatureCheck.VERIFIED_UPSTREAM);
        folder = Files.createTempDirectory("fold-bench");
        store = RocksStateStore.open(folder, 64L << 20);
        onDisk = log.preparedFold(SignatureCheck.VERIFIED_UPSTREAM, store);
    }

    @TearDown(Level.Invocation)
    public void dropStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long foldHandoffsAndReceiptsOnRocksDb() {
        long accepted = 0;
        int i = 0;
        for (LedgerRecord record : log.handoffs) {
            if (onDisk.apply(record).accepted()) {
                accepted++;
            }
            if (++i % POLL == 0) {
                onDisk.state().seal();
                onDisk.state().commitThrough(onDisk.state().lastSeq());
            }
        }
        if (accepted != EVENTS) {
            throw new IllegalStateException("only " + accepted + " of " + EVENTS + " accepted");
        }
        return accepted;
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
