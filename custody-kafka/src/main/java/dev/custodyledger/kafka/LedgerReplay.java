package dev.custodyledger.kafka;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.TrustAnchor;
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
    /** What a replay reports as it goes: the log's end when it starts, then every record's outcome. */
    public interface Listener {
        default void started(long records) {}

        default void folded(Outcome outcome) {}

        /** As {@link #folded(Outcome)}, with the state just after it: what a checker compares reads against. */
        default void folded(Outcome outcome, CustodyState state) {
            folded(outcome);
        }
    }

    private LedgerReplay() {}

    public static CustodyFold replay(String bootstrapServers, TrustAnchor anchor, LedgerRules rules) {
        return replay(KafkaAccess.plaintext(bootstrapServers), anchor, rules, new Listener() {});
    }

    public static CustodyFold replay(KafkaAccess kafka, TrustAnchor anchor, LedgerRules rules, Listener listener) {
        var fold = CustodyFold.fromGenesis(anchor, rules, SignatureCheck.VERIFY);
        Properties props = kafka.properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The sequencer appends in transactions: an aborted one (a fenced sequencer's) is not part of the ledger.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 << 20));
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var tp = new TopicPartition(TopicSpec.LEDGER.name(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            listener.started(end);
            while (consumer.position(tp) < end) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end) {
                        break;
                    }
                    Outcome outcome =
                            fold.apply(LedgerRecord.decode(r.offset(), Instant.ofEpochMilli(r.timestamp()), r.value()));
                    listener.folded(outcome, fold.state());
                }
            }
        }
        return fold;
    }
}
