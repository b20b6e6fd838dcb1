package dev.custodyledger.fold;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the fold has caught up with the log seen at start, while nothing fails; says which phase it is in. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {
    private final FoldService service;

    FoldReadiness(FoldService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        FoldEngine<?> engine = service.engine();
        var builder = HealthCheckResponse.named(engine.service() + "-fold")
                .withData("phase", engine.phase().name())
                .withData("caughtUp", engine.caughtUp())
                .withData("seq", engine.lastSeq())
                .withData("projectedSeq", engine.projectedSeq())
                .withData("writesProjections", engine.writesProjections());
        engine.failure().ifPresent(f -> builder.withData("failure", f));
        return builder.status(engine.caughtUp() && engine.failure().isEmpty()).build();
    }
}
