package dev.custodyledger.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lifecycle's promises, for every phase and everything the folding thread may have been told. */
class LifecycleProperties {
    /** The diagram on {@link Phase}, as data: where each phase may go. */
    private static final Map<Phase, Set<Phase>> DIAGRAM = Map.of(
            Phase.STARTING, EnumSet.of(Phase.RESTORING, Phase.REBUILDING, Phase.STOPPED),
            Phase.RESTORING, EnumSet.of(Phase.RESTORING, Phase.FOLLOWING, Phase.WRITING, Phase.STOPPED),
            Phase.FOLLOWING, EnumSet.of(Phase.FOLLOWING, Phase.RESTORING, Phase.STOPPED),
            Phase.WRITING, EnumSet.of(Phase.WRITING, Phase.FOLLOWING, Phase.RESTORING, Phase.REBUILDING, Phase.STOPPED),
            Phase.REBUILDING, EnumSet.of(Phase.RESTORING, Phase.STOPPED),
            Phase.STOPPED, EnumSet.of(Phase.STOPPED));

    @Provide
    Arbitrary<Lifecycle.Signals> signals() {
        var b = Arbitraries.of(true, false);
        return Combinators.combine(b, b, b, b, b).as(Lifecycle.Signals::new);
    }

    /** Every phase with every signal: the whole domain, so that no move outside the diagram can exist. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyMoveIsOneTheDiagramHas(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        assertThat(DIAGRAM.get(from)).contains(Lifecycle.next(from, s));
    }

    @Property
    void aStopAskedForEndsEveryPhase(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        var stop = new Lifecycle.Signals(s.leaseHeld(), s.rebuildAsked(), s.restoreAsked(), s.failed(), true);
        assertThat(Lifecycle.next(from, stop)).isEqualTo(Phase.STOPPED);
    }

    @Property
    void onlyTheLeaseHolderWritesOrRebuilds(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        Phase to = Lifecycle.next(from, s);
        if (to == Phase.WRITING || to == Phase.REBUILDING) {
            assertThat(s.leaseHeld()).isTrue();
        }
    }

    @Property
    void writingBeginsOnlyRightAfterARestore(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        if (Lifecycle.next(from, s) == Phase.WRITING) {
            assertThat(from).isIn(Phase.RESTORING, Phase.WRITING);
        }
    }

    @Property
    void aFailureWhileRunningRestores(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        if (s.failed() && !s.stopAsked() && from != Phase.STOPPED && from != Phase.STARTING) {
            assertThat(Lifecycle.next(from, s)).isEqualTo(Phase.RESTORING);
        }
    }
}
