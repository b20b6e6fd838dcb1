package dev.custodyledger.kafka;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.MemoryStateStore;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.fold.VerifiedAhead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The auditor's replay: reads {@code custody.ledger} from its first record to its end as seen at the start,
 * re-verifying every signature, and folds it from genesis onto a state store (the heap, or a folder for a large
 * log). Each poll's records are decoded and verified on every core, then applied in order. Trusts nothing but the
 * log and the trust anchor.
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

        /** As {@link #folded(Outcome, CustodyState)}, with the record's bytes on the log: what the log's leaf needs. */
        default void folded(Outcome outcome, CustodyState state, byte[] value) {
            folded(outcome, state);
        }
    }

    private LedgerReplay() {}

    public static CustodyFold replay(String bootstrapServers, TrustAnchor anchor, LedgerRules rules) {
        return replay(KafkaAccess.plaintext(bootstrapServers), anchor, rules, new Listener() {});
    }

    public static CustodyFold replay(KafkaAccess kafka, TrustAnchor anchor, LedgerRules rules, Listener listener) {
        return replay(kafka, anchor, rules, listener, new MemoryStateStore());
    }

    /** Replays onto {@code store}, empty; each poll's changes are committed to it, so the heap holds one poll. */
    public static CustodyFold replay(
            KafkaAccess kafka, TrustAnchor anchor, LedgerRules rules, Listener listener, StateStore store) {
        var ahead = new VerifiedAhead();
        var fold = new CustodyFold(CustodyState.open(store, anchor), rules, ahead);
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
                List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) {
                        polled.add(r);
                    }
                }
                List<LedgerRecord> decoded = IntStream.range(0, polled.size())
                        .parallel()
                        .mapToObj(i -> LedgerRecord.decode(
                                polled.get(i).offset(),
                                Instant.ofEpochMilli(polled.get(i).timestamp()),
                                polled.get(i).value()))
                        .toList();
                ahead.prepare(decoded, fold.state()::publicKey);
                for (int i = 0; i < decoded.size(); i++) {
                    listener.folded(
                            fold.apply(decoded.get(i)),
                            fold.state(),
                            polled.get(i).value());
                }
                fold.state().commitAll();
            }
        }
        return fold;
    }
}
