package dev.custodyledger.label;

import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared Kafka and PostgreSQL, and a real ledger-service (its packaged jar, as its own process) for
 * label-service to commission through, started once per test JVM.
 */
public final class LabelInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static ServiceProcess ledger;
    private final CustodyInfrastructure infrastructure = new CustodyInfrastructure();

    static synchronized ServiceProcess ledgerService() {
        if (ledger == null) {
            ledger = ServiceProcess.of(
                    "ledger-service",
                    "ledger_for_labels",
                    LabelLedger.LEDGER.operatorKey().publicKey().base64Url(),
                    Path.of("target"));
            Runtime.getRuntime().addShutdownHook(new Thread(ledger::stop));
        }
        return ledger.start();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(Map.of("database", "label"));
    }

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(infrastructure.start());
        config.put("quarkus.rest-client.ledger.url", ledgerService().url());
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole test JVM; a shutdown hook stops ledger-service.
    }
}
