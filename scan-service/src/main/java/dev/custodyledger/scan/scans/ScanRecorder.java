package dev.custodyledger.scan.scans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.scan.Scan;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.kafka.DurableProducer;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import dev.custodyledger.scan.config.ScanConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Records scans on {@code custody.scans}, keyed by unit so that one detector sees a unit's scans in order. */
@ApplicationScoped
public class ScanRecorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DurableProducer producer;
    private final String topic;
    private final MeterRegistry metrics;

    ScanRecorder(ScanConfig config, KafkaAccess kafka, MeterRegistry metrics) {
        this.producer = new DurableProducer(kafka, "scan-service-scans");
        this.topic = config.scans().topic();
        this.metrics = metrics;
    }

    /** Checks the scan's fields (a 400 problem otherwise) and sends it; completes once the broker has it. */
    public CompletableFuture<Long> record(
            UnitCode unit, ScanContext context, String device, String city, String country) {
        try {
            Scan.requireDevice(device);
            Scan.requireCity(city);
            if (city != null || country != null) {
                new Location(city, country);
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.BAD_SCAN, e.getMessage());
        }
        if (context == null) {
            throw new ProblemException(ProblemCode.BAD_SCAN, "a scan names its context: consumer, till or inspection");
        }
        byte[] value;
        try {
            value = JSON.writeValueAsBytes(new ScanMessage(unit.path(), context.name(), device, city, country));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        metrics.counter("custody.scans.recorded", "context", context.name()).increment();
        return producer.send(topic, null, unit.path().getBytes(StandardCharsets.UTF_8), value);
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
