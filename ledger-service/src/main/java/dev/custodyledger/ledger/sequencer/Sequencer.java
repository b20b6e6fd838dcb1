package dev.custodyledger.ledger.sequencer;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.fold.NotCurrentException;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ledger's one appender (ADR 24). Every replica puts submissions on {@code custody.intake}; the replica that
 * owns its single partition in the {@code ledger-sequencer} group is the sequencer, and appends each event the
 * ledger does not hold yet, once, in a Kafka transaction that also moves the group's position on the intake.
 *
 * <p>Its lifecycle, a <em>term</em>: when the partition is assigned, a transactional producer with the ledger's
 * one transactional id is opened, which fences every earlier sequencer (a paused or partitioned one can no longer
 * commit) and ends its open transaction; then the sequencer waits until the fold has read the ledger up to its
 * last committed record, so that it knows every event appended before; then it appends. The term ends when the
 * partition is revoked or lost, or when the producer is fenced. Whatever a transaction did not commit is read
 * from the intake again, by this term or the next.
 */
@ApplicationScoped
public class Sequencer {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final LedgerView fold;
    private final KafkaAccess kafka;
    private final String intakeTopic;
    private final String ledgerTopic;
    private final AppendOnce appendOnce;
    private final Counter appended;
    private volatile boolean running = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    /** The producer of the current term; null between terms. Sequencing thread only. */
    private volatile KafkaProducer<byte[], byte[]> producer;

    private boolean termAsked;

    Sequencer(LedgerView fold, KafkaAccess kafka, LedgerConfig config, MeterRegistry metrics) {
        this.appended = Counter.builder("custody.events.appended")
                .description("events appended to the ledger by this replica as its sequencer")
                .register(metrics);
        this.fold = fold;
        this.kafka = kafka;
        this.intakeTopic = config.intake().topic();
        this.ledgerTopic = config.ledger().topic();
        // readCurrent: a fold that began to restore meanwhile throws rather than answer from a rewound state.
        this.appendOnce = new AppendOnce(id -> fold.readCurrent(s -> s.decision(EventId.parse(id)) != null));
    }

    void start(@Observes StartupEvent event) {
        Properties props = kafka.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-sequencer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-sequencer");
        // A replica that joins leaves the partition where it is: every move is a pause in appends.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(intakeTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                termAsked = !consumer.assignment().isEmpty() && producer == null;
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    endTerm("the intake partition was revoked");
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                endTerm("the intake partition was lost");
            }
        });
        thread = new Thread(this::run, "ledger-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this replica is the sequencer now. */
    public boolean sequencing() {
        return producer != null;
    }

    private void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // The broker gone for longer than a client timeout, the fold not catching up: start over.
                    Log.warnf("the sequencer stalled: %s; starting its term again", e.toString());
                    endTerm("it stalled");
                    rewind();
                    termAsked = !consumer.assignment().isEmpty();
                    pause();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            endTerm("the service stops");
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void step() {
        var records = consumer.poll(POLL);
        if (termAsked) {
            termAsked = false;
            startTerm();
        }
        if (producer == null || records.isEmpty()) {
            return;
        }
        if (!fold.current()) {
            // A rewound fold (restoring after a failed write) does not know recent events: appending on its word
            // could append one twice. Read the batch again once it is back.
            rewind();
            pause();
            return;
        }
        var batch = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        records.forEach(batch::add);
        List<ConsumerRecord<byte[], byte[]>> fresh;
        try {
            fresh = appendOnce.select(batch, r -> new String(r.key(), StandardCharsets.UTF_8));
        } catch (NotCurrentException e) {
            rewind();
            pause();
            return;
        }
        sequence(batch, fresh);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startTerm() {
        Properties props = kafka.properties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "custody-sequencer-" + ledgerTopic);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 << 20));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "15000");
        // Transactions follow each other at once: the next one's first send meets the last one's markers still
        // being written (CONCURRENT_TRANSACTIONS) and is retried after this back-off, which sits in every answer.
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "5");
        props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "200");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0"); // the commit sends the batch
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ledger-sequencer");
        var opened = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            opened.initTransactions(); // fences every earlier sequencer and ends its open transaction
        } catch (KafkaException e) {
            opened.close(Duration.ZERO);
            Log.warnf("could not start a sequencer term: %s; trying again", e.getMessage());
            termAsked = true;
            return;
        }
        awaitFoldAtCommittedEnd();
        appendOnce.newTerm();
        producer = opened;
        Log.infof("sequencing the ledger from this replica");
    }

    /**
     * Waits until the fold has read every committed record of the ledger, polling the intake meanwhile (paused)
     * so that the group does not count this member gone.
     */
    private void awaitFoldAtCommittedEnd() {
        var ledger = new TopicPartition(ledgerTopic, 0);
        long end = consumer.endOffsets(List.of(ledger)).get(ledger);
        Set<TopicPartition> intake = consumer.assignment();
        consumer.pause(intake);
        try {
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (running && (fold.logPosition() < end || !fold.current())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the fold did not reach the ledger's end " + end);
                }
                consumer.poll(POLL);
            }
        } finally {
            consumer.resume(intake);
        }
    }

    /** Appends {@code fresh} and moves the intake position past {@code batch}, in one transaction. */
    private void sequence(List<ConsumerRecord<byte[], byte[]>> batch, List<ConsumerRecord<byte[], byte[]>> fresh) {
        ConsumerRecord<byte[], byte[]> last = batch.get(batch.size() - 1);
        var position =
                Map.of(new TopicPartition(last.topic(), last.partition()), new OffsetAndMetadata(last.offset() + 1));
        try {
            producer.beginTransaction();
            for (var r : fresh) {
                producer.send(new ProducerRecord<>(ledgerTopic, 0, null, r.value()));
            }
            producer.sendOffsetsToTransaction(position, consumer.groupMetadata());
            producer.commitTransaction();
            appended.increment(fresh.size());
            appendOnce.appended(fresh.stream()
                    .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .toList());
        } catch (KafkaException e) {
            // Fenced (another term began), or the broker failed us: nothing of this transaction is in the ledger.
            // The group's position still stands before the batch, so the next term, ours or another's, reads it.
            Log.warnf("a sequencer transaction failed: %s", e.toString());
            endTerm("its transaction failed");
            rewind();
            termAsked = !consumer.assignment().isEmpty();
        }
    }

    /** Back to the group's committed position on the intake, where the last committed transaction left it. */
    private void rewind() {
        try {
            for (var entry : consumer.committed(consumer.assignment()).entrySet()) {
                if (entry.getValue() != null) {
                    consumer.seek(entry.getKey(), entry.getValue());
                } else {
                    consumer.seekToBeginning(List.of(entry.getKey()));
                }
            }
        } catch (KafkaException e) {
            // the partition moves on: whoever owns it next starts from the committed position
        }
    }

    private void endTerm(String why) {
        if (producer != null) {
            Log.infof("sequencer term ends: %s", why);
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
