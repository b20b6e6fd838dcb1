package dev.custodyledger.ledger.fold;

import dev.custodyledger.ledger.config.LedgerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The only writer of the ledger topic: idempotent producer, acks=all, one partition. */
@ApplicationScoped
public class LedgerAppender {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    LedgerAppender(LedgerConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 << 20));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ledger-service-intake");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = config.ledger().topic();
    }

    /** Appends the canonical envelope; completes with the record's offset once the broker acknowledged it. */
    public CompletableFuture<Long> append(byte[] envelope) {
        var result = new CompletableFuture<Long>();
        producer.send(new ProducerRecord<>(topic, 0, null, envelope), (metadata, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(metadata.offset());
            }
        });
        return result;
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
