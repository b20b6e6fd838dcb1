package dev.custodyledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.custodyledger.kafka.TopicSpec;
import dev.custodyledger.kafka.Topics;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void theLedgerTopicIsOnePartitionStampedByTheBrokerAndRoundTripsARecord() throws Exception {
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var ledger = admin.describeTopics(List.of(TopicSpec.LEDGER.name()))
                    .allTopicNames()
                    .get()
                    .get(TopicSpec.LEDGER.name());
            assertThat(ledger.partitions()).hasSize(1);
        }
        Topics.ensure(bootstrap, (short) 1); // a second call changes nothing and passes the checks

        var producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long sentAt = System.currentTimeMillis();
        try (var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TopicSpec.LEDGER.name(), 0, 1L, null, "probe".getBytes()))
                    .get();
        }
        var consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer =
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(TopicSpec.LEDGER.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            ConsumerRecord<byte[], byte[]> record = null;
            for (int i = 0; i < 20 && record == null; i++) {
                var records = consumer.poll(Duration.ofMillis(500));
                record = records.isEmpty() ? null : records.iterator().next();
            }
            assertThat(record).isNotNull();
            assertThat(new String(record.value())).isEqualTo("probe");
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp())
                    .as("the broker's clock, not the producer's 1 ms")
                    .isGreaterThanOrEqualTo(sentAt);
        }
    }

    @Test
    void postgresqlIsVersion17AndHandsOutSeparateDatabases() throws Exception {
        Database db = Infrastructure.database();
        db.createDatabase("probe_one");
        db.createDatabase("probe_one");
        try (var c = DriverManager.getConnection(db.jdbcUrl("probe_one"), db.username(), db.password())) {
            var rs = c.createStatement().executeQuery("show server_version");
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
        }
    }

    @Test
    void theQuarkusResourceHandsOutTheSameServersWithThisServicesDatabase() {
        var resource = new CustodyInfrastructure();
        resource.init(Map.of("database", "ledger"));
        Map<String, String> config = resource.start();
        assertThat(config.get("kafka.bootstrap.servers"))
                .isEqualTo(Infrastructure.kafka().bootstrapServers());
        assertThat(config.get("quarkus.datasource.reactive.url"))
                .endsWith("/ledger")
                .startsWith("postgresql://");
        assertThat(config).containsEntry("quarkus.devservices.enabled", "false");
    }

    @Test
    void theTestcontainersBackendRunsOnlyWhereDockerAnswers() {
        assumeThat(ContainerInfrastructure.dockerAvailable())
                .as("no Docker engine here: the Testcontainers backend (-Dcustody.infra=testcontainers) is skipped")
                .isTrue();
        try (KafkaBroker kafka = ContainerInfrastructure.kafka()) {
            assertThat(kafka.bootstrapServers()).isNotBlank();
        }
    }
}
