package dev.custodyledger.label.fold;

import dev.custodyledger.core.fold.FoldScope;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.fold.FoldDefinition;
import dev.custodyledger.fold.FoldSettings;
import dev.custodyledger.label.config.LabelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What label-service folds: the registry of {@code custody.ledger} alone ({@link FoldScope#REGISTRY}), which it
 * checks credentials, company prefixes and keys against without calling another service (ADR 10). It keeps no
 * unit: what became of a batch's units it learns from ledger-service's answers. Its read model is only its
 * position.
 */
@ApplicationScoped
public class LabelFold {
    @Produces
    @Singleton
    FoldDefinition<Integer> definition(LabelConfig config) {
        // Signatures as ledger-service treats them: intake verified each one, and scan-service re-verifies them all
        // as an auditor would; label-service needs only the registry from the log.
        return new FoldDefinition<>(
                FoldSettings.of("label", config, SignatureCheck.VERIFIED_UPSTREAM)
                        .scoped(FoldScope.REGISTRY),
                new PositionOnly());
    }
}
