package dev.custodyledger.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Wires the shared Kafka and PostgreSQL into a {@code @QuarkusTest}: {@code @WithTestResource(value =
 * CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))}. Each service
 * gets its own database on the shared server.
 */
public final class CustodyInfrastructure implements QuarkusTestResourceLifecycleManager {
    private String databaseName = "custody";

    @Override
    public void init(Map<String, String> initArgs) {
        databaseName = initArgs.getOrDefault("database", databaseName);
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = Infrastructure.kafka();
        Database db = Infrastructure.database();
        db.createDatabase(databaseName);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl(databaseName));
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl(databaseName));
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole test JVM; stopped by a shutdown hook.
    }
}
