package dev.custodyledger.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft Kafka (broker and controller combined) inside the test JVM. */
public final class EmbeddedKafka implements KafkaBroker {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start() {
        try {
            var nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(java.nio.file.Files.createTempDirectory(target(), "embedded-kafka-"))
                    .build();
            var cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start: " + e.getMessage(), e);
        }
    }

    /** The module's build folder when there is one, so that leftovers go with `mvn clean`. */
    private static java.nio.file.Path target() throws java.io.IOException {
        java.nio.file.Path target = java.nio.file.Path.of("target");
        return java.nio.file.Files.isDirectory(target)
                ? target
                : java.nio.file.Files.createTempDirectory("custody-test");
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not stop cleanly", e);
        }
    }
}
