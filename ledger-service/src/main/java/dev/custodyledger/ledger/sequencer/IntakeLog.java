package dev.custodyledger.ledger.sequencer;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.kafka.DurableProducer;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Where every replica puts a submission for the {@link Sequencer}: {@code custody.intake}, keyed by event id. The
 * same event may arrive here more than once (a resubmission to another replica, the front retrying); the
 * sequencer appends it to the ledger once.
 */
@ApplicationScoped
public class IntakeLog {
    private final DurableProducer producer;
    private final String topic;

    IntakeLog(LedgerConfig config, KafkaAccess kafka) {
        this.producer = new DurableProducer(kafka, "ledger-service-intake");
        this.topic = config.intake().topic();
    }

    /** Queues the canonical envelope; completes once the broker holds it durably. */
    public CompletableFuture<Long> submit(EventId id, byte[] envelope) {
        return producer.send(topic, 0, id.toString().getBytes(StandardCharsets.UTF_8), envelope);
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
