package dev.custodyledger.system;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.KafkaProcess;
import dev.custodyledger.testsupport.LedgerTopic;
import dev.custodyledger.testsupport.RestartableDatabase;
import dev.custodyledger.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole write and verify path as a fault test meets it: its own Kafka broker and PostgreSQL server (both
 * restartable), ledger-service and scan-service as packaged processes, and a {@link TestLedger} that signs.
 */
final class CustodySystem implements AutoCloseable {
    static final String LEDGER_DB = "ledger";
    static final String SCAN_DB = "scan";
    static final String LABEL_DB = "label";

    final TestLedger ledger = TestLedger.startingNow();
    final KafkaProcess kafka;
    final RestartableDatabase database;
    final ServiceProcess ledgerService;
    final ServiceProcess scanService;
    final ServiceProcess labelService;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CustodySystem(Path dir) {
        kafka = KafkaProcess.start(dir.resolve("kafka"));
        database = RestartableDatabase.start(dir.resolve("postgres"));
        String anchor = ledger.anchor().key().base64Url();
        ledgerService = ServiceProcess.of("ledger-service", kafka, database, LEDGER_DB, anchor, dir);
        scanService = ServiceProcess.of("scan-service", kafka, database, SCAN_DB, anchor, dir)
                .withEnv("CUSTODY_VERIFY_RATE_LIMIT_PER_SECOND", "0");
        labelService = ServiceProcess.of("label-service", kafka, database, LABEL_DB, anchor, dir)
                .withEnv("CUSTODY_KEYS_PASSPHRASE", "system-test-passphrase")
                .withEnv("QUARKUS_REST_CLIENT_LEDGER_URL", ledgerService.url());
    }

    /** Kafka and PostgreSQL under {@code target/system/<name>}; the services are started by the test. */
    static CustodySystem create(String name) {
        return new CustodySystem(Path.of("target", "system", name + "-" + System.currentTimeMillis()));
    }

    /**
     * Onboards a maker and a depot, appends the commissioning of {@code count} units straight to the log, and
     * answers one signed handoff per unit from maker to depot, not yet submitted: what ingest tests send.
     */
    List<SignedEvent> commissionedHandoffs(String prefix, int count) {
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(item(gtin(prefix, 1), "H" + i));
        }
        append(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, prefix),
                ledger.onboard("depot", Role.DISTRIBUTOR),
                List.of(ledger.commission("maker", "L1", units))));
        return units.stream().map(u -> ledger.handoff("maker", "depot", u)).toList();
    }

    void append(List<SignedEvent> events) {
        LedgerTopic.append(kafka.bootstrapServers(), events);
    }

    HttpResponse<String> post(ServiceProcess service, String path, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(ServiceProcess service, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /v1/ledger/head} of a service: seq, projectedSeq, stateDigest. */
    JsonNode head(ServiceProcess service) throws IOException, InterruptedException {
        return StrictJson.parse(get(service, "/v1/ledger/head").body().getBytes());
    }

    /** One check of a service's readiness answer, by name, with its data. */
    JsonNode readinessCheck(ServiceProcess service, String name) throws IOException, InterruptedException {
        for (JsonNode check : StrictJson.parse(
                        get(service, "/q/health/ready").body().getBytes())
                .path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError(service.url() + " reports no " + name + " check");
    }

    /** The HTTP status of a service's readiness check, or 0 while it does not answer. */
    int readiness(ServiceProcess service) {
        try {
            return get(service, "/q/health/ready").statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** What an auditor sees in the topic: every record folded from genesis, signatures re-verified. */
    Audit audit() {
        var outcomes = new ArrayList<Outcome>();
        var fold = LedgerReplay.replay(
                KafkaAccess.plaintext(kafka.bootstrapServers()),
                ledger.anchor(),
                LedgerRules.DEFAULT,
                new LedgerReplay.Listener() {
                    @Override
                    public void folded(Outcome outcome) {
                        outcomes.add(outcome);
                    }
                });
        return new Audit(fold.state().commitment(), outcomes);
    }

    long count(String database, String sql) {
        return this.database.queryLong(database, sql);
    }

    @Override
    public void close() {
        labelService.kill();
        scanService.kill();
        ledgerService.kill();
        kafka.close();
        database.close();
    }

    /** The auditor's digest and every record's outcome, in log order. */
    record Audit(String digest, List<Outcome> outcomes) {
        /** How many records carry each event id. */
        Map<String, Integer> recordsPerEvent() {
            var counts = new HashMap<String, Integer>();
            outcomes.forEach(o -> counts.merge(String.valueOf(o.eventId()), 1, Integer::sum));
            return counts;
        }
    }
}
