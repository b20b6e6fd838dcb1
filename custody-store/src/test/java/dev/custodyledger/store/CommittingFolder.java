package dev.custodyledger.store;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A process that folds a fixed log onto a RocksDB folder in generations of random sizes, printing each commit,
 * resuming from the folder's position when started again: what {@link KilledWhileCommittingTest} kills.
 *
 * <p>Usage: {@code CommittingFolder <folder>}
 */
public final class CommittingFolder {
    static final String BRAND = "acme-foods";
    static final String CARRIER = "swift-logistics";
    static final int UNITS = 1_500;

    private CommittingFolder() {}

    /** The same records in every process: TestLedger's keys, clock and nonces are deterministic. */
    static List<LedgerRecord> log() {
        var ledger = new TestLedger();
        List<SignedEvent> events = new ArrayList<>(TestLedger.concat(
                ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX),
                ledger.onboard(CARRIER, Role.LOGISTICS)));
        List<ItemCode> units = units();
        for (int from = 0; from < UNITS; from += 100) {
            events.add(ledger.commission(BRAND, "L" + from / 500, units.subList(from, from + 100)));
        }
        for (ItemCode unit : units) {
            events.add(ledger.handoff(BRAND, CARRIER, unit));
            events.add(ledger.receive(CARRIER, unit));
        }
        List<LedgerRecord> log = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            log.add(LedgerRecord.of(i, ledger.now(), events.get(i)));
        }
        return log;
    }

    static List<ItemCode> units() {
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(gtin(TestLedger.BRAND_PREFIX, 5), "K" + i));
        }
        return units;
    }

    static TestLedger ledger() {
        return new TestLedger();
    }

    public static void main(String[] args) {
        List<LedgerRecord> log = log();
        try (var store = RocksStateStore.open(Path.of(args[0]), 8 << 20)) {
            var fold = new CustodyFold(
                    CustodyState.open(store, ledger().anchor()), LedgerRules.DEFAULT, SignatureCheck.VERIFIED_UPSTREAM);
            var random = new SplittableRandom(fold.state().lastSeq());
            int next = (int) fold.state().lastSeq();
            while (next < log.size()) {
                int end = Math.min(log.size(), next + 1 + random.nextInt(64));
                for (; next < end; next++) {
                    fold.apply(log.get(next));
                }
                fold.state().commitAll();
                System.out.println("committed " + fold.state().lastSeq());
                System.out.flush();
            }
            System.out.println("done " + fold.state().commitment());
        }
    }
}
