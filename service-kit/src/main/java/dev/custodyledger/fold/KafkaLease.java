package dev.custodyledger.fold;

import dev.custodyledger.kafka.KafkaAccess;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Which replica writes the projections: the member of one consumer group that owns the ledger's single
 * partition. The partition is paused at once, so the member only heartbeats; the records are read by the
 * folding consumer. When the owner dies the group hands the partition, and the lease, to another replica. The
 * assignment is sticky and cooperative: a replica that joins (a restart, a scale-up) leaves the lease where it is,
 * since every move stops the projections while the new holder restores.
 */
final class KafkaLease implements Lease {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean held = new AtomicBoolean();
    private final CountDownLatch decided = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    KafkaLease(KafkaAccess kafka, String group, String topic, String clientId) {
        Properties props = kafka.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(SESSION_TIMEOUT.toMillis()));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            // Cooperative rebalancing names only what changes: an assignment that adds nothing is empty while the
            // partition stays, so whether the lease is held is what the consumer owns after the change.
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                held.set(consumer.assignment().stream().anyMatch(p -> !partitions.contains(p)));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
                held.set(!consumer.assignment().isEmpty());
                decided.countDown();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                held.set(false);
            }
        });
        thread = new Thread(this::run, "projection-lease");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean held() {
        return held.get();
    }

    /**
     * Waits until the group has first said whether this replica holds the lease, at most the session timeout (a
     * broker that does not answer by then will not let the fold catch up either). A fold restored before that
     * restores again when the lease arrives, and refuses intake while it catches up: a service would report ready
     * and then answer 503 for a moment.
     */
    @Override
    public void awaitFirstDecision() {
        try {
            decided.await(SESSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            held.set(false);
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        Blocking.stopPolling(consumer, thread);
    }
}
