package dev.custodyledger.scan.health;

import dev.custodyledger.projection.FoldHealth;
import dev.custodyledger.scan.fold.ScanFolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the fold has caught up with the log as it was at start and nothing failed since. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {
    private final ScanFolder folder;

    FoldReadiness(ScanFolder folder) {
        this.folder = folder;
    }

    @Override
    public HealthCheckResponse call() {
        return FoldHealth.of("scan-fold", folder.projector());
    }
}
