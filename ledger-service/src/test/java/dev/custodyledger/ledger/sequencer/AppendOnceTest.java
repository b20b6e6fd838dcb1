package dev.custodyledger.ledger.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AppendOnceTest {
    private final Set<String> inLedger = new HashSet<>();
    private final AppendOnce appendOnce = new AppendOnce(inLedger::contains);

    private List<String> select(String... ids) {
        return appendOnce.select(List.of(ids), Function.identity());
    }

    @Test
    void anEventTheFoldHasDecidedIsNotAppendedAgain() {
        inLedger.add("a");
        assertThat(select("a", "b")).containsExactly("b");
    }

    @Test
    void anEventAppendedThisTermIsNotAppendedAgainBeforeTheFoldReadsIt() {
        appendOnce.appended(select("a", "b"));
        assertThat(select("b", "c")).containsExactly("c");
    }

    @Test
    void anEventTwiceInOneBatchIsAppendedOnceInItsFirstPlace() {
        assertThat(select("a", "b", "a", "c", "b")).containsExactly("a", "b", "c");
    }

    @Test
    void whatTheFoldHasReadIsForgottenOldestFirst() {
        appendOnce.appended(List.of("a", "b", "c"));
        inLedger.addAll(List.of("a", "b"));
        select();
        assertThat(appendOnce.unread()).isEqualTo(1);
    }

    @Test
    void aNewTermTrustsTheFoldAlone() {
        appendOnce.appended(List.of("a"));
        appendOnce.newTerm(); // the previous term's transaction may have been aborted: the fold says what landed
        assertThat(select("a")).containsExactly("a");
    }
}
