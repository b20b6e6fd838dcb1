package dev.custodyledger.label.health;

import dev.custodyledger.label.fold.LabelFolder;
import dev.custodyledger.projection.FoldHealth;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the fold has caught up with the log as it was at start and nothing failed since. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {
    private final LabelFolder folder;

    FoldReadiness(LabelFolder folder) {
        this.folder = folder;
    }

    @Override
    public HealthCheckResponse call() {
        return FoldHealth.of("label-fold", folder.projector());
    }
}
