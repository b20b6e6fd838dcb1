package dev.custodyledger.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the fold has caught up with the log seen at start, while nothing fails; says which phase it is in. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {
    private final FoldEngine engine;

    FoldReadiness(FoldEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        LedgerProjector<?> projector = engine.projector();
        var builder = HealthCheckResponse.named(projector.service() + "-fold")
                .withData("phase", projector.phase().name())
                .withData("caughtUp", projector.caughtUp())
                .withData("seq", projector.lastSeq())
                .withData("projectedSeq", projector.projectedSeq())
                .withData("writesProjections", projector.writesProjections());
        projector.failure().ifPresent(f -> builder.withData("failure", f));
        return builder.status(projector.caughtUp() && projector.failure().isEmpty())
                .build();
    }
}
