package dev.custodyledger.core.fold;

import static dev.custodyledger.core.fold.CustodyFoldTest.BRAND;
import static dev.custodyledger.core.fold.CustodyFoldTest.CARRIER;
import static dev.custodyledger.core.fold.CustodyFoldTest.TIN_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import org.junit.jupiter.api.Test;

/** The state across generations: what a committed generation changed is what the fold reads next. */
class CustodyStateGenerationsTest {
    final TestLedger ledger = new TestLedger();
    final CustodyFold fold = new CustodyFold(
            CustodyState.genesis(ledger.anchor()), LedgerRules.DEFAULT, SignatureCheck.VERIFIED_UPSTREAM);
    long offset;

    @Test
    void aUnitChangedInACommittedGenerationIsReadAsChangedByTheNext() {
        commissionedAndHandedOff();
        fold.state().commitAll();

        assertThat(apply(ledger.receive(CARRIER, TIN_1)).code()).isNull();
        fold.state().commitAll();
        assertThat(fold.state().unit(TIN_1).custodian().value()).isEqualTo(CARRIER);
    }

    @Test
    void aDiscardReadsTheCommittedStateAgain() {
        commissionedAndHandedOff();
        fold.state().seal();

        fold.state().discard();

        assertThat(fold.state().unit(TIN_1).inTransit()).isFalse();
        assertThat(fold.state().lastSeq()).isEqualTo(5);
    }

    /** A brand and a carrier, a unit commissioned and committed, then handed off in the open generation. */
    private void commissionedAndHandedOff() {
        TestLedger.concat(
                        ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX),
                        ledger.onboard(CARRIER, Role.LOGISTICS))
                .forEach(this::apply);
        apply(ledger.commission(BRAND, "L1", TIN_1));
        fold.state().commitAll();
        apply(ledger.handoff(BRAND, CARRIER, TIN_1));
    }

    private Outcome apply(SignedEvent event) {
        return fold.apply(LedgerRecord.of(offset++, ledger.now(), event));
    }
}
