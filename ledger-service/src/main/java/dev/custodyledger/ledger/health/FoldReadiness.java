package dev.custodyledger.ledger.health;

import dev.custodyledger.ledger.fold.LedgerFolder;
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
        var builder = HealthCheckResponse.named("ledger-fold")
                .withData("caughtUp", folder.caughtUp())
                .withData("writesProjections", folder.writesProjections());
        folder.failure().ifPresent(f -> builder.withData("failure", f));
        return builder.status(folder.caughtUp() && folder.failure().isEmpty()).build();
    }
}
