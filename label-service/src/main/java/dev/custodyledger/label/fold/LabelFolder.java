package dev.custodyledger.label.fold;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.label.config.LabelConfig;
import dev.custodyledger.projection.FoldListener;
import dev.custodyledger.projection.LedgerProjector;
import dev.custodyledger.projection.ProjectorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * label-service's own fold of {@code custody.ledger}: the registry it checks credentials, company prefixes and
 * keys against without calling another service, and the units its batches put on the ledger (ADR 10).
 */
@ApplicationScoped
public class LabelFolder {
    private final LedgerProjector<Integer> projector;

    LabelFolder(LabelConfig config, KafkaAccess kafka, Pool database, MeterRegistry metrics) {
        // Signatures as ledger-service treats them: intake verified each one, and scan-service re-verifies them all
        // as an auditor would; label-service needs only the registry and its own batches from the log (ADR 12).
        var settings = ProjectorSettings.of(
                "label",
                kafka,
                config.operator(),
                config.ledger(),
                config.projection(),
                SignatureCheck.VERIFIED_UPSTREAM);
        this.projector = new LedgerProjector<>(settings, new PositionOnly(), new FoldListener() {}, database, metrics);
    }

    void start(@Observes StartupEvent event) {
        projector.start();
    }

    void stop(@Observes ShutdownEvent event) {
        projector.close();
    }

    public <T> T read(Function<CustodyState, T> reader) {
        return projector.read(reader);
    }

    public LedgerProjector<Integer> projector() {
        return projector;
    }
}
