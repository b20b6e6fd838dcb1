package dev.custodyledger.kafka;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.topic.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The auditor's replay: reads {@code custody.ledger} from its first record to its end as seen at the start,
 * re-verifying every signature, and folds it from genesis. Trusts nothing but the log and the trust anchor.
 */
public final class LedgerReplay {
    private LedgerReplay() {}

    public static CustodyFold replay(String bootstrapServers, TrustAnchor anchor, LedgerRules rules) {
        var fold = CustodyFold.fromGenesis(anchor, rules, SignatureCheck.VERIFY);
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var tp = new TopicPartition(TopicSpec.LEDGER.name(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    fold.apply(LedgerRecord.decode(r.offset(), Instant.ofEpochMilli(r.timestamp()), r.value()));
                }
            }
        }
        return fold;
    }
}
