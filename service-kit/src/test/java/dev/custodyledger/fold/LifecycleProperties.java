package dev.custodyledger.fold;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lifecycle's promises, for every phase and everything the folding thread may have been told. */
class LifecycleProperties {
    @Provide
    Arbitrary<Lifecycle.Signals> signals() {
        var b = Arbitraries.of(true, false);
        return Combinators.combine(b, b, b, b, b).as(Lifecycle.Signals::new);
    }

    @Property
    void everyMoveIsOneTheDiagramHas(@ForAll Phase from, @ForAll("signals") Lifecycle.Signals s) {
        assertThat(Lifecycle.allowed(from, Lifecycle.next(from, s))).isTrue();
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
