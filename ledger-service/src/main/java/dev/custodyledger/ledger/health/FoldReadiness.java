package dev.custodyledger.ledger.health;

import dev.custodyledger.ledger.fold.LedgerFolder;
import dev.custodyledger.projection.FoldHealth;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the fold has reached the end of the log as it stood at start, and while it folds without failing. */
@Readiness
@ApplicationScoped
public class FoldReadiness implements HealthCheck {
    private final LedgerFolder folder;

    FoldReadiness(LedgerFolder folder) {
        this.folder = folder;
    }

    @Override
    public HealthCheckResponse call() {
        return FoldHealth.of("ledger-fold", folder.projector());
    }
}
