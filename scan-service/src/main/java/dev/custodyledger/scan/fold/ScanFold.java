package dev.custodyledger.scan.fold;

import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.fold.FoldDefinition;
import dev.custodyledger.fold.FoldSettings;
import dev.custodyledger.scan.config.ScanConfig;
import dev.custodyledger.scan.view.VerificationReadModel;
import dev.custodyledger.scan.view.ViewRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What scan-service folds: {@code custody.ledger} into the verification view. It trusts the topic no more than an
 * auditor would: every signature is verified again here, so its state digest equals the auditor's replay and
 * ledger-service's.
 */
@ApplicationScoped
public class ScanFold {
    @Produces
    @Singleton
    FoldDefinition<ViewRows> definition(ScanConfig config, VerificationReadModel view) {
        var signatures = config.foldVerifiesSignatures() ? SignatureCheck.VERIFY : SignatureCheck.VERIFIED_UPSTREAM;
        return new FoldDefinition<>(FoldSettings.of("scan", config, signatures), view);
    }
}
