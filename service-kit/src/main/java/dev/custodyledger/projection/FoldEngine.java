package dev.custodyledger.projection;

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
 * (a rebuild, a restore) use the engine's {@link #projector()}.
 */
@Singleton
public class FoldEngine {
    private final LedgerProjector<?> projector;

    FoldEngine(FoldDefinition<?> definition, Pool database, MeterRegistry metrics) {
        this.projector = build(definition, database, metrics);
    }

    private static <R> LedgerProjector<R> build(FoldDefinition<R> definition, Pool database, MeterRegistry metrics) {
        return new LedgerProjector<>(
                definition.settings(), definition.readModel(), definition.listener(), database, metrics);
    }

    @Produces
    @Singleton
    LedgerView view() {
        return projector;
    }

    void start(@Observes StartupEvent event) {
        projector.start();
    }

    void stop(@Observes ShutdownEvent event) {
        projector.close();
    }

    public LedgerProjector<?> projector() {
        return projector;
    }
}
