package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.LedgerTopic;
import dev.custodyledger.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged ledger-service as its own process: it folds a long log, is killed with SIGKILL in the middle,
 * and is started again. Its digest must equal an independent auditor fold of the topic, with no record row
 * missing or doubled.
 */
class CrashRecoveryIT {
    static final int UNITS = 4000;
    static final String DATABASE = "ledger_crash";

    final TestLedger ledger = TestLedger.startingNow();
    final HttpClient http = HttpClient.newHttpClient();
    ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void aServiceKilledMidFoldResumesWithNothingLostOrDoubled() throws Exception {
        List<SignedEvent> log = new ArrayList<>(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, "9100001"), ledger.onboard("depot", Role.DISTRIBUTOR)));
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(gtin("9100001", 1), "K" + i));
        }
        for (int i = 0; i < UNITS; i += 1000) {
            log.add(ledger.commission("maker", "L1", units.subList(i, i + 1000)));
        }
        units.forEach(u -> log.add(ledger.handoff("maker", "depot", u)));
        units.forEach(u -> log.add(ledger.receive("depot", u)));
        LedgerTopic.append(log);

        start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> projectedSeq() > 0); // the first projected batch: most of the log still to come
        service.kill(); // SIGKILL in the middle of folding and projecting
        long atKill = projectedSeq();
        assertThat(atKill).as("killed mid-log").isLessThan(log.size());

        start();
        await().atMost(Duration.ofSeconds(180))
                .until(() -> head().path("projectedSeq").asLong() == log.size());
        JsonNode head = head();
        assertThat(head.path("seq").asLong()).isEqualTo(log.size());
        assertThat(head.path("stateDigest").asText()).isEqualTo(auditorDigest());
        assertThat(count("select count(*) from ledger_record")).isEqualTo(log.size());
        assertThat(count("select count(distinct seq) from ledger_record")).isEqualTo(log.size());
        assertThat(count("select count(*) from unit_history")).isEqualTo(3L * UNITS);
        assertThat(count("select count(*) from unit where custodian = 'depot'")).isEqualTo(UNITS);
    }

    private void start() {
        if (service == null) {
            service = ServiceProcess.of(
                            "ledger-service", DATABASE, ledger.anchor().key().base64Url(), Path.of("target"))
                    .withEnv("CUSTODY_PROJECTION_SNAPSHOT_EVERY", "700")
                    .withEnv("CUSTODY_PROJECTION_MAX_BATCH", "250");
        }
        service.startAlive();
    }

    private long projectedSeq() throws Exception {
        return count("select seq from projection_position where name = 'ledger'");
    }

    private JsonNode head() throws Exception {
        return StrictJson.parse(get("/v1/ledger/head").body().getBytes());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(service.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What an auditor computes: every record of the topic, signatures re-verified, folded from genesis. */
    private String auditorDigest() {
        return (LedgerReplay.replay(Infrastructure.kafka().bootstrapServers(), ledger.anchor(), LedgerRules.DEFAULT)
                        .state())
                .commitment();
    }

    private static long count(String sql) {
        return Infrastructure.database().queryLong(DATABASE, sql);
    }
}
