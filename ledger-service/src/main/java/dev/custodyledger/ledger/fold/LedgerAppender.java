package dev.custodyledger.ledger.fold;

import dev.custodyledger.kafka.DurableProducer;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.ledger.config.LedgerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;

/** The only writer of the ledger topic: one partition, through a durable producer. */
@ApplicationScoped
public class LedgerAppender {
    private final DurableProducer producer;
    private final String topic;

    LedgerAppender(LedgerConfig config, KafkaAccess kafka) {
        this.producer = new DurableProducer(kafka, "ledger-service-intake");
        this.topic = config.ledger().topic();
    }

    /** Appends the canonical envelope; completes with the record's offset once the broker acknowledged it. */
    public CompletableFuture<Long> append(byte[] envelope) {
        return producer.send(topic, 0, null, envelope);
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
