package dev.custodyledger.testsupport;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.kafka.TopicSpec;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Appends signed events straight to the ledger topic, as a log another writer filled: the fold decides on them. */
public final class LedgerTopic {
    private LedgerTopic() {}

    public static void append(List<SignedEvent> events) {
        append(Infrastructure.kafka().bootstrapServers(), events);
    }

    public static void append(String bootstrapServers, List<SignedEvent> events) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SignedEvent event : events) {
                producer.send(new ProducerRecord<>(TopicSpec.LEDGER.name(), 0, null, event.envelopeBytes()));
            }
            producer.flush();
        }
    }
}
