package dev.custodyledger.core.fold;

import static dev.custodyledger.core.fold.CustodyFoldTest.BRAND;
import static dev.custodyledger.core.fold.CustodyFoldTest.TIN_1;
import static dev.custodyledger.core.fold.CustodyFoldTest.TIN_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures verified on every core ahead of the fold decide exactly as the fold verifying them itself. */
class VerifiedAheadTest {
    final TestLedger ledger = new TestLedger();
    final VerifiedAhead ahead = new VerifiedAhead();
    final CustodyFold fold = new CustodyFold(CustodyState.genesis(ledger.anchor()), LedgerRules.DEFAULT, ahead);
    long offset;

    @Test
    void aForgedSignatureInARunVerifiedAheadIsRejectedAndTheValidOnesAccepted() {
        apply(ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX));

        List<Outcome> outcomes = apply(List.of(
                ledger.commission(BRAND, "L1", TIN_1), CustodyFoldTest.forged(ledger.commission(BRAND, "L1", TIN_2))));

        assertThat(outcomes).extracting(Outcome::code).containsExactly(null, RejectionCode.BAD_SIGNATURE);
    }

    @Test
    void aKeyRegisteredWithinTheRunIsVerifiedWhenItsEventIsApplied() {
        List<SignedEvent> run = new ArrayList<>(ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX));
        run.add(ledger.commission(BRAND, "L1", TIN_1));
        run.add(CustodyFoldTest.forged(ledger.commission(BRAND, "L1", TIN_2)));

        List<Outcome> outcomes = apply(run);

        assertThat(outcomes.subList(0, run.size() - 1)).allMatch(Outcome::accepted);
        assertThat(outcomes.get(run.size() - 1).code()).isEqualTo(RejectionCode.BAD_SIGNATURE);
    }

    @Test
    void aRunVerifiedWhileTheRunBeforeItIsAppliedDecidesAsTheFoldVerifyingItself() {
        List<LedgerRecord> onboarding = records(ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX));
        List<LedgerRecord> commissions = records(List.of(
                ledger.commission(BRAND, "L1", TIN_1), CustodyFoldTest.forged(ledger.commission(BRAND, "L1", TIN_2))));

        // The second run is verified against the keys before the first registers the brand's: it finds none.
        VerifiedAhead.Verdicts early = VerifiedAhead.verify(commissions, fold.state()::publicKey);
        ahead.prepare(onboarding, fold.state()::publicKey);
        onboarding.forEach(fold::apply);
        ahead.use(early);
        List<Outcome> outcomes = commissions.stream().map(fold::apply).toList();

        assertThat(outcomes).extracting(Outcome::code).containsExactly(null, RejectionCode.BAD_SIGNATURE);
    }

    private List<LedgerRecord> records(List<SignedEvent> events) {
        List<LedgerRecord> run = new ArrayList<>();
        for (SignedEvent event : events) {
            run.add(LedgerRecord.of(offset++, ledger.now(), event));
        }
        return run;
    }

    /** As the engine does: one run prepared against the keys as they stand, then applied in order. */
    private List<Outcome> apply(List<SignedEvent> events) {
        List<LedgerRecord> run = records(events);
        ahead.prepare(run, fold.state()::publicKey);
        return run.stream().map(fold::apply).toList();
    }
}
