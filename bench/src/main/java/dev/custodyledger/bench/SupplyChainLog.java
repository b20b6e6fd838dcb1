package dev.custodyledger.bench;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.Gs1Fixtures;
import dev.custodyledger.core.testing.TestLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-signed log for benchmarks: parties, a commission of {@code units} items, then single-unit HANDOFF and
 * RECEIVE events that shuttle every unit between two distributors, round after round.
 */
final class SupplyChainLog {
    static final String BRAND = "acme-foods";
    static final String NORTH = "north-dist";
    static final String SOUTH = "south-dist";

    final TestLedger ledger = new TestLedger();
    final List<LedgerRecord> setup = new ArrayList<>();
    final List<LedgerRecord> handoffs = new ArrayList<>();
    private long offset;

    SupplyChainLog(int units, int events) {
        List<SignedEvent> prelude = new ArrayList<>(TestLedger.concat(
                ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX),
                ledger.onboard(NORTH, Role.DISTRIBUTOR),
                ledger.onboard(SOUTH, Role.DISTRIBUTOR)));
        List<ItemCode> items = new ArrayList<>();
        var gtin = Gs1Fixtures.gtin(TestLedger.BRAND_PREFIX, 42);
        for (int i = 0; i < units; i++) {
            items.add(Gs1Fixtures.item(gtin, "S" + i));
        }
        for (int i = 0; i < units; i += 1000) {
            prelude.add(ledger.commission(BRAND, "L1", items.subList(i, Math.min(units, i + 1000))));
        }
        for (ItemCode item : items) {
            prelude.add(ledger.handoff(BRAND, NORTH, item));
            prelude.add(ledger.receive(NORTH, item));
        }
        prelude.forEach(e -> setup.add(record(e)));
        for (int round = 0; handoffs.size() < events; round++) {
            String from = round % 2 == 0 ? NORTH : SOUTH;
            String to = round % 2 == 0 ? SOUTH : NORTH;
            for (int i = 0; i < units && handoffs.size() < events; i++) {
                handoffs.add(record(ledger.handoff(from, to, items.get(i))));
                handoffs.add(record(ledger.receive(to, items.get(i))));
            }
            ledger.advance(Duration.ofSeconds(1));
        }
    }

    private LedgerRecord record(SignedEvent event) {
        return LedgerRecord.of(offset++, ledger.now(), event);
    }

    /** A fold that has applied the setup and is ready for {@link #handoffs}. */
    CustodyFold preparedFold(SignatureCheck signatures) {
        return preparedFold(signatures, new dev.custodyledger.core.fold.MemoryStateStore());
    }

    /** The setup folded onto {@code store} and committed, as a service's store holds it after a restart. */
    CustodyFold preparedFold(SignatureCheck signatures, dev.custodyledger.core.fold.StateStore store) {
        var fold = new CustodyFold(
                dev.custodyledger.core.fold.CustodyState.open(store, ledger.anchor()), LedgerRules.DEFAULT, signatures);
        for (LedgerRecord record : setup) {
            if (!fold.apply(record).accepted()) {
                throw new IllegalStateException("benchmark setup rejected at offset " + record.offset());
            }
        }
        fold.state().commitAll();
        return fold;
    }
}
