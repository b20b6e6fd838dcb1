package dev.custodyledger.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer whose acknowledged records are durable and never doubled by its own retries: idempotent,
 * {@code acks=all}, bounded delivery time. What the services write to the ledger, scans and alerts topics with.
 */
public final class DurableProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    public DurableProducer(KafkaAccess kafka, String clientId) {
        Properties props = kafka.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 << 20));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends one record ({@code partition} null: chosen by the key); completes with its offset once the broker
     * acknowledged it.
     */
    public CompletableFuture<Long> send(String topic, Integer partition, byte[] key, byte[] value) {
        var result = new CompletableFuture<Long>();
        producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(metadata.offset());
            }
        });
        return result;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
