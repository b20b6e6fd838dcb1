package dev.custodyledger.scan.fold;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.projection.FoldListener;
import dev.custodyledger.projection.LedgerProjector;
import dev.custodyledger.projection.ProjectorSettings;
import dev.custodyledger.scan.config.ScanConfig;
import dev.custodyledger.scan.view.VerificationProjection;
import dev.custodyledger.scan.view.ViewRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * scan-service's own fold of {@code custody.ledger}. It trusts the topic no more than an auditor would: every
 * signature is verified again here, so its state digest equals the auditor's replay and ledger-service's.
 */
@ApplicationScoped
public class ScanFolder {
    private final LedgerProjector<ViewRows> projector;

    ScanFolder(
            ScanConfig config,
            KafkaAccess kafka,
            VerificationProjection projection,
            Pool database,
            MeterRegistry metrics) {
        // Every signature is verified again: the topic is trusted no more than an auditor trusts it.
        var signatures = config.foldVerifiesSignatures() ? SignatureCheck.VERIFY : SignatureCheck.VERIFIED_UPSTREAM;
        var settings = ProjectorSettings.of(
                "scan", kafka, config.operator(), config.ledger(), config.projection(), signatures);
        this.projector = new LedgerProjector<>(settings, projection, new FoldListener() {}, database, metrics);
    }

    void start(@Observes StartupEvent event) {
        projector.start();
    }

    void stop(@Observes ShutdownEvent event) {
        projector.close();
    }

    public TrustAnchor anchor() {
        return projector.anchor();
    }

    public <T> T read(Function<CustodyState, T> reader) {
        return projector.read(reader);
    }

    public LedgerProjector<ViewRows> projector() {
        return projector;
    }
}
