package dev.custodyledger.scan.scans;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.scan.CloneRules;
import dev.custodyledger.core.scan.Scan;
import dev.custodyledger.core.scan.ScanDetector;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.core.verdict.UnitFacts;
import dev.custodyledger.core.verdict.Verdict;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.kafka.DurableProducer;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.scan.config.ScanConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Folds the scans topic per unit with custody-core's {@link ScanDetector}: each scan is stored once (keyed by
 * its place in the topic, so a redelivery changes nothing), the reasons it raises become the unit's flags that
 * every verify reads, and a reason that makes the code suspect opens an alert for the brand owner, stored and
 * published on {@code custody.alerts}. Replicas share the topic's partitions through one consumer group.
 */
@ApplicationScoped
public class CloneDetector {
    private static final Logger LOG = Logger.getLogger(CloneDetector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EARLIER_SCANS = 1000;

    private final ScanConfig config;
    private final KafkaAccess kafka;
    private final LedgerView fold;
    private final Pool database;
    private final MeterRegistry metrics;
    private final CloneRules rules;
    private DurableProducer alerts;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    CloneDetector(ScanConfig config, KafkaAccess kafka, LedgerView fold, Pool database, MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.fold = fold;
        this.database = database;
        this.metrics = metrics;
        this.rules = new CloneRules(
                config.scans().window(),
                config.scans().maxDevices(),
                config.scans().maxPlaces());
    }

    void start(@Observes StartupEvent event) {
        alerts = new DurableProducer(kafka, "scan-service-alerts");
        Properties props = kafka.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.scans().group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "scan-service-detector");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "clone-detector");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Blocking.stopPolling(consumer, thread);
        if (alerts != null) {
            alerts.close();
        }
    }

    private void run() {
        consumer.subscribe(List.of(config.scans().topic()));
        while (running) {
            try {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                // The fold must know the units scanned: wait until it has caught up with the log.
                while (running && !fold.current()) {
                    Thread.sleep(100);
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    detect(r);
                }
                consumer.commitSync();
            } catch (WakeupException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // Uncommitted scans are read again after the rewind; storing them is idempotent.
                LOG.warnf("scan detection failed, retrying from the last commit: %s", e.toString());
                consumer.unsubscribe();
                consumer.subscribe(List.of(config.scans().topic()));
                Blocking.pause(1000);
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private void detect(ConsumerRecord<byte[], byte[]> r) {
        Scan scan;
        try {
            ScanMessage m = JSON.readValue(r.value(), ScanMessage.class);
            scan = new Scan(
                    UnitCode.parse(m.unit()),
                    Instant.ofEpochMilli(r.timestamp()),
                    ScanContext.valueOf(m.context()),
                    m.device(),
                    m.city() == null ? null : new Location(m.city(), m.country()));
        } catch (Exception e) {
            LOG.warnf("skipping a malformed scan at %d/%d: %s", r.partition(), r.offset(), e.getMessage());
            return;
        }
        Known known = fold.read(state -> {
            UnitState u = state.unit(scan.unit());
            if (u == null) {
                return null;
            }
            PartyState custodian = state.party(u.custodian());
            PartyState brand = u.item() != null ? state.owner(u.item().gtin()) : null;
            return new Known(
                    UnitFacts.of(u),
                    custodian.profile().location(),
                    (brand != null ? brand : custodian).id().value());
        });
        List<Alert> opened = Blocking.await(() -> database.withTransaction(s -> store(s, r, scan)
                .chain(stored -> !stored
                        ? Uni.createFrom().item(List.<Alert>of())
                        : earlier(s, r, scan).chain(earlier -> raise(s, scan, earlier, known)))));
        for (Alert a : opened) {
            metrics.counter("custody.alerts.opened", "reason", a.reason().name())
                    .increment();
            alerts.send(
                    config.scans().alertsTopic(),
                    null,
                    a.unit().getBytes(StandardCharsets.UTF_8),
                    json(Map.of(
                            "unit",
                            a.unit(),
                            "brand",
                            a.brand(),
                            "reason",
                            a.reason().name(),
                            "raisedAt",
                            scan.time().toString())));
        }
    }

    private record Known(UnitFacts facts, Location custodianPlace, String brand) {}

    private record Alert(String unit, String brand, Reason reason) {}

    /** Stores the scan once; false when this record was stored before (a redelivery). */
    private static Uni<Boolean> store(SqlConnection s, ConsumerRecord<byte[], byte[]> r, Scan scan) {
        return s.preparedQuery(
                        "insert into scan_record (scan_partition, scan_offset, unit_code, scanned_at,"
                                + " context, device, city, country) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing")
                .execute(Tuple.from(Arrays.asList(
                        r.partition(),
                        r.offset(),
                        scan.unit().path(),
                        scan.time().atOffset(ZoneOffset.UTC),
                        scan.context().name(),
                        scan.device(),
                        scan.place() == null ? null : scan.place().city(),
                        scan.place() == null ? null : scan.place().country())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The unit's other scans within the window, newest first, at most {@value #EARLIER_SCANS}. */
    private Uni<List<Scan>> earlier(SqlConnection s, ConsumerRecord<byte[], byte[]> r, Scan scan) {
        return s.preparedQuery("select scanned_at, context, device, city, country from scan_record where unit_code = $1"
                        + " and scanned_at > $2 and not (scan_partition = $4 and scan_offset = $5)"
                        + " order by scanned_at desc limit $3")
                .execute(Tuple.of(
                        scan.unit().path(),
                        scan.time().minus(rules.window()).atOffset(ZoneOffset.UTC),
                        EARLIER_SCANS,
                        r.partition(),
                        r.offset()))
                .map(rows -> {
                    List<Scan> scans = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String city = row.getString("city");
                        scans.add(new Scan(
                                scan.unit(),
                                row.getOffsetDateTime("scanned_at").toInstant(),
                                ScanContext.valueOf(row.getString("context")),
                                row.getString("device"),
                                city == null ? null : new Location(city, row.getString("country"))));
                    }
                    return scans;
                });
    }

    private Uni<List<Alert>> raise(SqlConnection s, Scan scan, List<Scan> earlier, Known known) {
        if (known == null) {
            return Uni.createFrom().item(List.of());
        }
        Set<Reason> reasons = ScanDetector.detect(scan, earlier, known.facts(), known.custodianPlace(), rules);
        OffsetDateTime at = scan.time().atOffset(ZoneOffset.UTC);
        Uni<List<Alert>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Reason reason : reasons) {
            chain = chain.chain(opened -> s.preparedQuery(
                            "insert into unit_flag (unit_code, reason, raised_at) values ($1, $2, $3) on conflict do nothing")
                    .execute(Tuple.of(scan.unit().path(), reason.name(), at))
                    .chain(() -> reason.calls() != Verdict.SUSPECT
                            ? Uni.createFrom().item(0)
                            : s.preparedQuery("insert into alert (unit_code, brand_id, reason, raised_at, status,"
                                            + " updated_at) values ($1, $2, $3, $4, 'NEW', $4) on conflict do nothing")
                                    .execute(Tuple.of(scan.unit().path(), known.brand(), reason.name(), at))
                                    .map(RowSet::rowCount))
                    .map(inserted -> {
                        if (inserted == 1) {
                            opened.add(new Alert(scan.unit().path(), known.brand(), reason));
                        }
                        return opened;
                    }));
        }
        return chain;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
