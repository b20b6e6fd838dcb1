package dev.custodyledger.system.chaos;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCheckerTest {
    private final TestLedger ledger = new TestLedger();
    private final ItemCode tin = item(gtin(TestLedger.BRAND_PREFIX, 1), "T1");
    private final List<SignedEvent> log = new ArrayList<>(TestLedger.concat(
            ledger.onboard("maker", Role.PRODUCER, TestLedger.BRAND_PREFIX),
            ledger.onboard("depot", Role.DISTRIBUTOR)));
    private final SignedEvent commission = ledger.commission("maker", "L1", tin);
    private final SignedEvent handoff = ledger.handoff("maker", "depot", tin);
    private final SignedEvent receiveTwice = ledger.receive("maker", tin); // the maker is not the receiver

    {
        log.add(commission); // seq 5
        log.add(handoff); // seq 6
        log.add(receiveTwice); // seq 7, rejected
    }

    private List<HistoryChecker.Violation> check(List<SignedEvent> records, Op... ops) {
        var checker = new HistoryChecker(List.of(ops));
        var fold = CustodyFold.fromGenesis(ledger.anchor(), LedgerRules.DEFAULT, SignatureCheck.VERIFY);
        checker.started(records.size());
        long offset = 0;
        for (SignedEvent e : records) {
            Outcome o = fold.apply(LedgerRecord.of(offset++, ledger.now(), e));
            checker.folded(o, fold.state());
        }
        return checker.violations();
    }

    private static Op submit(SignedEvent e, int status, String answer, long seq, String disposition) {
        return new Op(
                0,
                Op.Kind.SUBMIT,
                e.event().type().name(),
                1,
                2,
                status,
                e.id().toString(),
                null,
                answer,
                seq,
                disposition,
                null,
                false,
                List.of());
    }

    private Op verify(long seq, String verdict, String holder, boolean inTransit, String... reasons) {
        return new Op(
                0,
                Op.Kind.VERIFY,
                "verify",
                1,
                2,
                200,
                null,
                tin.path(),
                verdict,
                seq,
                null,
                holder,
                inTransit,
                List.of(reasons));
    }

    @Test
    void answersThatMatchTheLogPass() {
        assertThat(check(
                        log,
                        submit(commission, 201, "ACCEPTED", 5, null),
                        submit(handoff, 202, "PENDING", -1, null),
                        submit(receiveTwice, 409, "NOT_RECEIVER", 7, "rejected"),
                        verify(4, "UNKNOWN", null, false, "NOT_COMMISSIONED"),
                        verify(5, "GENUINE", "Party maker", false, "IN_SUPPLY_CHAIN", "LABEL_NOT_SIGNED"),
                        verify(6, "GENUINE", "Party maker", true, "IN_SUPPLY_CHAIN", "LABEL_NOT_SIGNED", "IN_TRANSIT")))
                .isEmpty();
    }

    @Test
    void anAcceptedAnswerForARejectedRecordIsAViolation() {
        assertThat(check(log, submit(receiveTwice, 201, "ACCEPTED", 7, null)))
                .extracting(HistoryChecker.Violation::rule)
                .containsExactly("ACCEPTED contradicts the log");
    }

    @Test
    void anAnswerForAnEventThatNeverReachedTheLogIsAViolation() {
        SignedEvent lost = ledger.sell("depot", tin);
        assertThat(check(log, submit(lost, 202, "PENDING", -1, null)))
                .extracting(HistoryChecker.Violation::rule)
                .containsExactly("answered but not in the log");
    }

    @Test
    void aRejectionAtTheWrongSeqOrWithAnotherCodeIsAViolation() {
        assertThat(check(log, submit(receiveTwice, 409, "NOT_RECEIVER", 6, "rejected")))
                .extracting(HistoryChecker.Violation::rule)
                .containsExactly("rejection contradicts the log");
    }

    @Test
    void anEventAppendedTwiceIsAViolationEvenIfTheFoldIgnoredTheSecond() {
        var twice = new ArrayList<>(log);
        twice.add(handoff);
        assertThat(check(twice)).extracting(HistoryChecker.Violation::rule).containsExactly("appended more than once");
    }

    @Test
    void aReadThatNoPrefixOfTheLogShowsIsAViolationWithTheUnitsHistory() {
        // at seq 6 the tin is in transit to the depot: "not in transit" was true only at seq 5
        var violations = check(log, verify(6, "GENUINE", "Party maker", false, "IN_SUPPLY_CHAIN", "LABEL_NOT_SIGNED"));
        assertThat(violations)
                .extracting(HistoryChecker.Violation::rule)
                .containsExactly("read not consistent with the log at its seq");
        assertThat(violations.get(0).records())
                .extracting(Outcome::seq)
                .containsExactly(5L, 6L); // the prefix the read saw, no later record
    }

    @Test
    void aReadNamingASeqBeyondTheLogIsAViolation() {
        assertThat(check(log, verify(99, "GENUINE", "Party maker", true, "IN_SUPPLY_CHAIN", "LABEL_NOT_SIGNED")))
                .extracting(HistoryChecker.Violation::rule)
                .containsExactly("read from the future");
    }
}
