package dev.custodyledger.scan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The batcher on a simulated clock: lookups arrive and statements take their time, all in one thread and in time
 * order, so that every interleaving the generator draws is replayable.
 */
class LookupBatcherTest {
    private static final long MICROS = 1_000;

    /** A simulated read model: its clock, its timers and the statements it was sent. */
    private static final class Simulation {
        record Event(long at, long order, Runnable action) {}

        record Sent(long at, List<Integer> lookups) {}

        final PriorityQueue<Event> events =
                new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        final List<Sent> sent = new ArrayList<>();
        final List<Long> durations;
        final LookupBatcher<Integer> batcher;
        long now;
        long order;
        int running;
        int mostRunning;

        Simulation(int inFlight, int maxBatch, List<Long> durations) {
            this.durations = durations;
            this.batcher = new LookupBatcher<>(inFlight, maxBatch, this::statement);
        }

        void later(long nanos, Runnable task) {
            events.add(new Event(now + nanos, order++, task));
        }

        void statement(List<Integer> lookups) {
            sent.add(new Sent(now, List.copyOf(lookups)));
            running++;
            mostRunning = Math.max(mostRunning, running);
            later(durations.get(sent.size() % durations.size()), () -> {
                running--;
                batcher.finished();
            });
        }

        void arrive(long at, int lookup) {
            events.add(new Event(at, order++, () -> batcher.add(lookup)));
        }

        Simulation run() {
            Event next;
            while ((next = events.poll()) != null) {
                now = next.at;
                next.action.run();
            }
            return this;
        }

        List<Integer> sentInOrder() {
            return sent.stream().flatMap(s -> s.lookups().stream()).toList();
        }
    }

    @Property(tries = 300)
    void everyLookupGoesOutOnceInOrderWithinTheLimits(
            @ForAll @IntRange(min = 1, max = 4) int inFlight,
            @ForAll @IntRange(min = 1, max = 16) int maxBatch,
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 2000) Integer> gapsMicros,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 4000) Integer> durationsMicros) {
        var sim = new Simulation(
                inFlight,
                maxBatch,
                durationsMicros.stream().map(d -> d * MICROS).toList());
        List<Integer> arrived = new ArrayList<>();
        for (long at : arrivals(gapsMicros)) {
            sim.arrive(at, arrived.size());
            arrived.add(arrived.size());
        }

        sim.run();

        assertThat(sim.sentInOrder())
                .as("every lookup once, in the order they came")
                .isEqualTo(arrived);
        assertThat(sim.sent).allSatisfy(s -> assertThat(s.lookups()).hasSizeBetween(1, maxBatch));
        assertThat(sim.mostRunning).as("statements at once").isLessThanOrEqualTo(inFlight);
    }

    @Property(tries = 300)
    void aLookupFindingNoStatementRunningGoesAtOnce(
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 500) Integer> gapsMicros) {
        long duration = 200 * MICROS;
        var sim = new Simulation(1, 64, List.of(duration));
        List<Long> arrivals = arrivals(gapsMicros);
        for (int i = 0; i < arrivals.size(); i++) {
            sim.arrive(arrivals.get(i), i);
        }

        sim.run();

        long busyUntil = Long.MIN_VALUE;
        int first = 0;
        for (var s : sim.sent) {
            long arrival = arrivals.get(first);
            if (arrival >= busyUntil) {
                assertThat(s.at())
                        .as("lookup %d found no statement running", first)
                        .isEqualTo(arrival);
            }
            busyUntil = s.at() + duration;
            first += s.lookups().size();
        }
    }

    @Example
    void lookupsArrivingWhileAStatementRunsGoTogetherWhenItEnds() {
        var sim = new Simulation(1, 2, List.of(500 * MICROS));
        sim.arrive(0, 1);
        sim.arrive(100 * MICROS, 2);
        sim.arrive(200 * MICROS, 3);
        sim.arrive(300 * MICROS, 4);

        sim.run();

        assertThat(sim.sent)
                .containsExactly(
                        new Simulation.Sent(0, List.of(1)),
                        new Simulation.Sent(500 * MICROS, List.of(2, 3)),
                        new Simulation.Sent(1000 * MICROS, List.of(4)));
    }

    private static List<Long> arrivals(List<Integer> gapsMicros) {
        List<Long> arrivals = new ArrayList<>();
        long at = 0;
        for (int gap : gapsMicros) {
            at += gap * MICROS;
            arrivals.add(at);
        }
        return arrivals;
    }
}
