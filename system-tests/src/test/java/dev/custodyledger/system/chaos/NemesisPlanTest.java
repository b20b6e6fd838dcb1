package dev.custodyledger.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NemesisPlanTest {
    private static List<Fault> faults(long seed, int n) {
        var plan = new NemesisPlan(seed, 2);
        return IntStream.range(0, n).mapToObj(i -> plan.next()).toList();
    }

    @Test
    void theSameSeedReplaysTheSameFaultsInTheSameOrder() {
        assertThat(faults(42, 300)).isEqualTo(faults(42, 300));
        assertThat(faults(42, 300)).isNotEqualTo(faults(43, 300));
    }

    @Test
    void everyKindOfFaultStrikesEveryKindOfTargetWithinAFewHundredFaults() {
        Set<String> seen = new HashSet<>();
        for (Fault f : faults(7, 400)) {
            seen.add(
                    switch (f) {
                        case Fault.Crash c -> "crash " + c.target().getClass().getSimpleName();
                        case Fault.Pause p -> "pause " + p.target().getClass().getSimpleName();
                        case Fault.Restart r ->
                            "restart " + r.target().getClass().getSimpleName();
                        case Fault.Slow s -> "slow " + s.link();
                        case Fault.Stall s -> "stall " + s.link();
                        case Fault.Cut c -> "cut " + c.link();
                    });
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "crash Replica",
                        "crash LeaseHolder",
                        "crash Broker",
                        "crash Database",
                        "pause Replica",
                        "pause LeaseHolder",
                        "pause Broker",
                        "pause Database",
                        "restart Replica",
                        "restart LeaseHolder",
                        "restart Broker",
                        "restart Database",
                        "slow BROKER",
                        "slow DATABASE",
                        "stall BROKER",
                        "stall DATABASE",
                        "cut BROKER",
                        "cut DATABASE");
    }

    @Test
    void replicaFaultsStrikeTheLeaseHolderAboutHalfTheTime() {
        List<Target> targets = faults(11, 4000).stream()
                .map(f -> switch (f) {
                    case Fault.Crash c -> c.target();
                    case Fault.Pause p -> p.target();
                    case Fault.Restart r -> r.target();
                    case Fault.Slow s -> null;
                    case Fault.Stall s -> null;
                    case Fault.Cut c -> null;
                })
                .filter(t -> t instanceof Target.Replica || t instanceof Target.LeaseHolder)
                .toList();
        long holders =
                targets.stream().filter(t -> t instanceof Target.LeaseHolder).count();
        assertThat((double) holders / targets.size()).isBetween(0.45, 0.55);
    }

    @Test
    void everyFaultIsBoundedInTimeAndTargetsAReplicaThatExists() {
        var plan = new NemesisPlan(5, 3);
        for (int i = 0; i < 1000; i++) {
            Duration length = switch (plan.next()) {
                case Fault.Crash c -> checked(c.target(), c.down());
                case Fault.Pause p -> checked(p.target(), p.length());
                case Fault.Restart r -> checked(r.target(), Duration.ZERO);
                case Fault.Slow s -> {
                    assertThat(s.delayMillis()).isBetween(20L, 300L);
                    yield s.length();
                }
                case Fault.Stall s -> s.length();
                case Fault.Cut c -> Duration.ZERO;
            };
            assertThat(length).isBetween(Duration.ZERO, Duration.ofSeconds(12));
            assertThat(plan.quiet()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        }
    }

    private static Duration checked(Target target, Duration length) {
        if (target instanceof Target.Replica r) {
            assertThat(r.index()).isBetween(1, 3);
        }
        return length;
    }
}
