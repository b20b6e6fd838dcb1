package dev.custodyledger.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import java.time.Instant;
import java.util.List;

/** given(events) / when(event) / then(outcome, state) over a fresh fold. Records are timed by the test clock. */
public final class FoldScenario {
    private final TestLedger ledger;
    private final CustodyFold fold;
    private long offset;

    public FoldScenario(TestLedger ledger) {
        this.ledger = ledger;
        this.fold = CustodyFold.fromGenesis(ledger.anchor(), LedgerRules.DEFAULT, SignatureCheck.VERIFY);
    }

    /** Applies events that must all be accepted: the scenario's history. */
    public FoldScenario given(List<SignedEvent> events) {
        for (SignedEvent event : events) {
            Outcome outcome = record(event, ledger.now());
            assertThat(outcome.code())
                    .as("given %s: %s", event, outcome.message())
                    .isNull();
        }
        return this;
    }

    public FoldScenario given(SignedEvent... events) {
        return given(List.of(events));
    }

    public Outcome when(SignedEvent event) {
        return record(event, ledger.now());
    }

    /** Appends at an explicit record time, as the log would stamp it. */
    public Outcome record(SignedEvent event, Instant recordTime) {
        return fold.apply(LedgerRecord.of(offset++ * 2 + 7, recordTime, event));
    }

    public CustodyFold fold() {
        return fold;
    }
}
