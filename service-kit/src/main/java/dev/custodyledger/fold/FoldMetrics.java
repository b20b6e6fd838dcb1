package dev.custodyledger.fold;

import dev.custodyledger.core.fold.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** The engine's meters: what the fold decided, how far it and the read model trail the log, which phase it is in. */
final class FoldMetrics {
    private final MeterRegistry registry;
    private final Counter accepted;
    final Timer writes;

    FoldMetrics(MeterRegistry registry, FoldEngine<?> engine) {
        this.registry = registry;
        this.accepted = Counter.builder("custody.events.accepted")
                .description("records the fold accepted")
                .register(registry);
        this.writes = Timer.builder("custody.projection.write")
                .description("one read-model transaction: rows and position")
                .register(registry);
        Gauge.builder("custody.fold.lag.records", engine, FoldEngine::lagRecords)
                .description("records in the log the fold has not reached")
                .register(registry);
        Gauge.builder("custody.fold.lag.seconds", engine, FoldEngine::lagSeconds)
                .description("age of the newest folded record while records are waiting")
                .register(registry);
        Gauge.builder("custody.projection.lag.records", engine, e -> e.lastSeq() - e.projectedSeq())
                .description("records folded but not yet written to the read model")
                .register(registry);
        for (Phase p : Phase.values()) {
            Gauge.builder("custody.fold.phase", engine, e -> e.phase() == p ? 1 : 0)
                    .tag("phase", p.name())
                    .description("1 for the phase the fold is in")
                    .register(registry);
        }
    }

    void count(List<Folded> folded) {
        for (Folded f : folded) {
            Outcome o = f.outcome();
            if (o.accepted()) {
                accepted.increment();
            } else if (o.rejected()) {
                registry.counter("custody.events.rejected", "code", o.code().name())
                        .increment();
            }
        }
    }
}
