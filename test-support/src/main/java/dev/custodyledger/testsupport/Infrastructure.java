package dev.custodyledger.testsupport;

import dev.custodyledger.kafka.Topics;
import org.opentest4j.TestAbortedException;

/**
 * One real Kafka and one real PostgreSQL per test JVM, started on first use. They end with the JVM: the broker
 * runs on its threads (its files under {@code target/}), and zonky stops PostgreSQL from its own shutdown hook.
 * (Closing the broker from another shutdown hook raced the JVM's exit and failed the test fork.)
 * In-JVM by default (no Docker needed); {@code -Dcustody.infra=testcontainers} uses Docker containers instead
 * and skips, saying why, where there is no Docker engine.
 */
public final class Infrastructure {
    public static final String BACKEND_PROPERTY = "custody.infra";

    private static KafkaBroker kafka;
    private static Database database;

    private Infrastructure() {}

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = useContainers() ? ContainerInfrastructure.kafka() : EmbeddedKafka.start();
            Topics.ensure(kafka.bootstrapServers(), (short) 1);
        }
        return kafka;
    }

    public static synchronized Database database() {
        if (database == null) {
            database = useContainers() ? ContainerInfrastructure.postgres() : EmbeddedDatabase.start();
        }
        return database;
    }

    public static boolean useContainers() {
        String backend = System.getProperty(BACKEND_PROPERTY, "embedded");
        if (backend.equals("embedded")) {
            return false;
        }
        if (!backend.equals("testcontainers")) {
            throw new IllegalArgumentException(
                    "-D" + BACKEND_PROPERTY + " is 'embedded' or 'testcontainers', not '" + backend + "'");
        }
        if (!ContainerInfrastructure.dockerAvailable()) {
            throw new TestAbortedException("-D" + BACKEND_PROPERTY
                    + "=testcontainers needs a Docker engine and none answers here: skipping. "
                    + "Drop the property to use the in-JVM Kafka and PostgreSQL.");
        }
        return true;
    }
}
