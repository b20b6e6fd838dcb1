package dev.custodyledger.projection;

import org.eclipse.microprofile.health.HealthCheckResponse;

/** The readiness every folding service reports: up once caught up with the log seen at start, while nothing fails. */
public final class FoldHealth {
    private FoldHealth() {}

    public static HealthCheckResponse of(String name, LedgerProjector<?> projector) {
        var builder = HealthCheckResponse.named(name)
                .withData("caughtUp", projector.caughtUp())
                .withData("seq", projector.lastSeq())
                .withData("projectedSeq", projector.projectedSeq())
                .withData("writesProjections", projector.writesProjections());
        projector.failure().ifPresent(f -> builder.withData("failure", f));
        return builder.status(projector.caughtUp() && projector.failure().isEmpty())
                .build();
    }
}
