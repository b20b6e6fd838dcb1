package dev.custodyledger.core.fold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.testing.GenerationalFold;
import dev.custodyledger.core.testing.RandomSupplyChain;
import dev.custodyledger.core.testing.TestLedger;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Same log, same state: folding a random log straight through, or in generations sealed, committed, discarded
 * and refolded, or with the store reopened at random points (as a service does around restarts and take-overs),
 * gives the same outcomes, the same commitment and the same units. custody-store runs the same on RocksDB.
 */
class FoldDeterminismProperties {

    @Property(tries = 2000)
    void theSameLogFoldsToTheSameStateWhateverTheGenerations(
            @ForAll("logs") List<RandomSupplyChain.Step> steps, @ForAll("cuts") List<GenerationalFold.Cut> cuts) {
        List<LedgerRecord> log = RandomSupplyChain.build(steps);
        TrustAnchor anchor = new TestLedger().anchor();
        var store = new MemoryStateStore();

        var straight = GenerationalFold.straight(anchor, log, RandomSupplyChain.UNITS);
        var generations = GenerationalFold.inGenerations(anchor, log, cuts, () -> store, RandomSupplyChain.UNITS);

        Statistics.label("accepted")
                .collect(
                        straight.outcomes().stream()
                                                .filter(o -> o.contains(" null ["))
                                                .count()
                                        > 12
                                ? "4+"
                                : "few");
        assertThat(generations.outcomes()).isEqualTo(straight.outcomes());
        assertThat(generations.units()).isEqualTo(straight.units());
        assertThat(generations.commitment()).isEqualTo(straight.commitment());
    }

    @Provide
    Arbitrary<List<RandomSupplyChain.Step>> logs() {
        return RandomSupplyChain.logs();
    }

    @Provide
    Arbitrary<List<GenerationalFold.Cut>> cuts() {
        return GenerationalFold.cuts();
    }
}
