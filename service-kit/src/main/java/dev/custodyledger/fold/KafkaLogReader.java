package dev.custodyledger.fold;

import dev.custodyledger.kafka.KafkaAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The ledger's single partition through a plain consumer that assigns itself the partition: no group, no commits. */
final class KafkaLogReader implements LogReader {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;

    KafkaLogReader(KafkaAccess kafka, String topic, int maxBatch, String clientId) {
        Properties props = kafka.properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The sequencer appends in transactions: an aborted one (a fenced sequencer's) is not part of the ledger.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxBatch));
        // A fetch returns as soon as one record is there, and an idle fetch waits up to 500 ms on the broker: under
        // load the records that arrive while the fold works come together in the next poll anyway, and an idle
        // service does not ask the broker many times a second.
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
    }

    @Override
    public void seek(long offset) {
        consumer.seek(partition, offset);
    }

    @Override
    public List<Entry> poll(Duration wait) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait).records(partition)) {
                entries.add(new Entry(r.offset(), Instant.ofEpochMilli(r.timestamp()), r.value()));
            }
        } catch (WakeupException e) {
            // stopping: the folding thread looks at its phase next
        }
        return entries;
    }

    @Override
    public long position() {
        return consumer.position(partition);
    }

    @Override
    public long end() {
        var lag = consumer.currentLag(partition);
        return lag.isPresent() ? consumer.position(partition) + lag.getAsLong() : endNow();
    }

    @Override
    public long endNow() {
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    @Override
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
