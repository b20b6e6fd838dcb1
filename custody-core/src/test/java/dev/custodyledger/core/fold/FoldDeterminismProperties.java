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
 * gives the same outcomes, the same commitment and the same units; a fold of the registry alone decides the
 * registry's records as the whole fold does and keeps nothing else. custody-store runs the same on RocksDB.
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

    @Property(tries = 1000)
    void aRegistryFoldDecidesTheRegistryAsTheWholeFoldDoesAndKeepsNoUnit(
            @ForAll("logs") List<RandomSupplyChain.Step> steps, @ForAll("cuts") List<GenerationalFold.Cut> cuts) {
        List<LedgerRecord> log = RandomSupplyChain.build(steps);
        TrustAnchor anchor = new TestLedger().anchor();
        var store = new MemoryStateStore();

        var whole = GenerationalFold.straight(anchor, log, RandomSupplyChain.UNITS);
        var straight = GenerationalFold.straight(anchor, FoldScope.REGISTRY, log, RandomSupplyChain.UNITS);
        var generations = GenerationalFold.inGenerations(
                anchor, FoldScope.REGISTRY, log, cuts, () -> store, RandomSupplyChain.UNITS);

        var expected = whole.seenByRegistry(log);
        assertThat(straight.outcomes()).isEqualTo(expected.outcomes());
        assertThat(straight.registry()).isEqualTo(expected.registry());
        assertThat(straight.units()).isEqualTo(expected.units());
        assertThat(generations).isEqualTo(straight);
        assertThat(log.stream()
                        .filter(r -> !FoldScope.REGISTRY.decides(r) && r.event() != null)
                        .filter(r -> store.decision(r.event().id()) != null))
                .as("custody events in the registry's event-id index")
                .isEmpty();
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
