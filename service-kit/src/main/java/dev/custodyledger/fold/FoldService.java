package dev.custodyledger.fold;

import dev.custodyledger.kafka.KafkaAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one engine of a folding service, built from the {@link FoldDefinition} the service produces, started with
 * the application and stopped with it. Resources inject the read-only {@link LedgerView}; health and operations
 * (a rebuild, a restore) use the engine's {@link #engine()}.
 */
@Singleton
public class FoldService {
    private final FoldEngine<?> engine;

    FoldService(FoldDefinition<?> definition, KafkaAccess kafka, Pool database, MeterRegistry metrics) {
        this.engine = build(definition, kafka, database, metrics);
    }

    private static <R> FoldEngine<R> build(
            FoldDefinition<R> definition, KafkaAccess kafka, Pool database, MeterRegistry metrics) {
        var ports = FoldEngine.Ports.of(definition.settings(), kafka, database, definition.readModel());
        return new FoldEngine<>(definition.settings(), definition.readModel(), definition.listener(), ports, metrics);
    }

    @Produces
    @Singleton
    LedgerView view() {
        return engine;
    }

    void start(@Observes StartupEvent event) {
        engine.start();
    }

    void stop(@Observes ShutdownEvent event) {
        engine.close();
    }

    public FoldEngine<?> engine() {
        return engine;
    }
}
