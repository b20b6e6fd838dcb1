package dev.custodyledger.ledger.fold;

import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.fold.FoldDefinition;
import dev.custodyledger.fold.FoldSettings;
import dev.custodyledger.ledger.config.LedgerConfig;
import dev.custodyledger.ledger.readmodel.LedgerReadModel;
import dev.custodyledger.ledger.readmodel.LedgerRowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What ledger-service folds: {@code custody.ledger} into the ledger's read model, answering the submissions that
 * wait for their events' outcomes as the fold reaches each event: answers wait for the fold, not for the database.
 */
@ApplicationScoped
public class LedgerFold {
    @Produces
    @Singleton
    FoldDefinition<LedgerRowSet> definition(LedgerConfig config, LedgerReadModel readModel, OutcomeWaiters waiters) {
        // Intake verified every signature it appended; the auditor's replay re-verifies them all.
        var settings = FoldSettings.of("ledger", config, SignatureCheck.VERIFIED_UPSTREAM);
        return new FoldDefinition<>(settings, readModel, waiters::folded);
    }
}
