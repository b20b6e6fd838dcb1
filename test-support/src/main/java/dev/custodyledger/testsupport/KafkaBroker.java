package dev.custodyledger.testsupport;

/** A Kafka cluster for tests: where to reach it and how to stop it. */
public interface KafkaBroker extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
}
