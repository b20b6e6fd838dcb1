package dev.custodyledger.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers alternative, for machines with a Docker engine (-Dcustody.infra=testcontainers). */
final class ContainerInfrastructure {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private ContainerInfrastructure() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static KafkaBroker kafka() {
        var container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static Database postgres() {
        var container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        return new Database() {
            @Override
            public String host() {
                return container.getHost();
            }

            @Override
            public int port() {
                return container.getMappedPort(5432);
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public java.sql.Connection adminConnection() throws SQLException {
                return DriverManager.getConnection(container.getJdbcUrl(), username(), password());
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
