package dev.custodyledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.FoldScope;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.testing.GenerationalFold;
import dev.custodyledger.core.testing.RandomSupplyChain;
import dev.custodyledger.core.testing.TestLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * custody-core's determinism property on RocksDB: the same random logs, folded in generations sealed,
 * committed, discarded and refolded, and with the store closed and opened again from its folder, give the
 * straight in-heap fold's outcomes, units and commitment; and so does a fold of the registry alone.
 */
class RocksFoldDeterminismProperties {

    @Property(tries = 300)
    void aLogFoldedOnRocksDbInGenerationsMatchesTheStraightFold(
            @ForAll("logs") List<RandomSupplyChain.Step> steps, @ForAll("cuts") List<GenerationalFold.Cut> cuts)
            throws IOException {
        List<LedgerRecord> log = RandomSupplyChain.build(steps);
        TrustAnchor anchor = new TestLedger().anchor();
        Path folder = Files.createTempDirectory("rocks-fold");
        try {
            var straight = GenerationalFold.straight(anchor, log, RandomSupplyChain.UNITS);
            var generations = GenerationalFold.inGenerations(
                    anchor, log, cuts, () -> RocksStateStore.open(folder, 8 << 20), RandomSupplyChain.UNITS);

            assertThat(generations.outcomes()).isEqualTo(straight.outcomes());
            assertThat(generations.units()).isEqualTo(straight.units());
            assertThat(generations.commitment()).isEqualTo(straight.commitment());
        } finally {
            delete(folder);
        }
    }

    @Property(tries = 150)
    void aRegistryFoldOnRocksDbKeepsTheRegistryAloneAsTheWholeFoldDecidesIt(
            @ForAll("logs") List<RandomSupplyChain.Step> steps, @ForAll("cuts") List<GenerationalFold.Cut> cuts)
            throws IOException {
        List<LedgerRecord> log = RandomSupplyChain.build(steps);
        TrustAnchor anchor = new TestLedger().anchor();
        Path folder = Files.createTempDirectory("rocks-registry");
        try {
            var whole = GenerationalFold.straight(anchor, log, RandomSupplyChain.UNITS);
            var straight = GenerationalFold.straight(anchor, FoldScope.REGISTRY, log, RandomSupplyChain.UNITS);
            var generations = GenerationalFold.inGenerations(
                    anchor,
                    FoldScope.REGISTRY,
                    log,
                    cuts,
                    () -> RocksStateStore.open(folder, 8 << 20),
                    RandomSupplyChain.UNITS);

            var expected = whole.seenByRegistry(log);
            assertThat(generations.outcomes()).isEqualTo(expected.outcomes());
            assertThat(generations.registry()).isEqualTo(expected.registry());
            assertThat(generations.units()).isEqualTo(expected.units());
            assertThat(generations).isEqualTo(straight);
        } finally {
            delete(folder);
        }
    }

    @Provide
    Arbitrary<List<RandomSupplyChain.Step>> logs() {
        return RandomSupplyChain.logs();
    }

    @Provide
    Arbitrary<List<GenerationalFold.Cut>> cuts() {
        return GenerationalFold.cuts();
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
