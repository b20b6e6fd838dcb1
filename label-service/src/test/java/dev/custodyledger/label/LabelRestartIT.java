package dev.custodyledger.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.LedgerTopic;
import dev.custodyledger.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged label-service as its own process, killed with SIGKILL while it allocates and while it
 * commissions, then started again: it resumes both, every label exists once, and every chunk is on the
 * ledger exactly once.
 */
class LabelRestartIT {
    static final TestLedger LEDGER = TestLedger.startingNow();
    static final String BRAND = "restart-brand";
    static final String GTIN =
            dev.custodyledger.core.testing.Gs1Fixtures.gtin("9508000", 3).value();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ServiceProcess ledger;
    static ServiceProcess labels;

    @BeforeAll
    static void start() {
        String anchor = LEDGER.operatorKey().publicKey().base64Url();
        LedgerTopic.append(LEDGER.onboard(BRAND, Role.PRODUCER, "9508000"));
        ledger = ServiceProcess.of("ledger-service", "ledger_restart", anchor, Path.of("target"))
                .start();
        labels = ServiceProcess.of("label-service", "label_restart", anchor, Path.of("target"))
                .withEnv("CUSTODY_KEYS_PASSPHRASE", "restart-test-passphrase")
                .withEnv("QUARKUS_REST_CLIENT_LEDGER_URL", ledger.url())
                .withEnv("CUSTODY_COMMISSION_CHUNK_SIZE", "1000")
                .withEnv("CUSTODY_LABELS_ALLOCATION_CHUNK", "2000")
                .start();
        for (KeyPurpose purpose : List.of(KeyPurpose.LABEL, KeyPurpose.CUSTODY)) {
            JsonNode key = write("POST", "/v1/keys", "{\"purpose\":\"" + purpose.wire() + "\"}", 201);
            LedgerTopic.append(List.of(LEDGER.sign(
                    TestLedger.OPERATOR.value(),
                    new KeyAdded(
                            LEDGER.header(EventType.KEY_ADDED, TestLedger.OPERATOR.value()),
                            PartyId.of(BRAND),
                            Ed25519PublicKey.ofBase64Url(key.get("publicKey").asText()),
                            purpose))));
            String id = key.get("keyId").asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> call("GET", "/v1/keys/" + id, null, 200)
                            .path("ledgerStatus")
                            .asText()
                            .equals("REGISTERED"));
        }
    }

    @AfterAll
    static void stop() {
        if (labels != null) {
            labels.stop();
        }
        if (ledger != null) {
            ledger.stop();
        }
    }

    @Test
    void killedWhileAllocatingAndWhileCommissioningItResumesAndNothingIsDoubled() {
        int quantity = 60_000;
        String id = write(
                        "POST",
                        "/v1/label-batches",
                        "{\"gtin\":\"" + GTIN + "\",\"lot\":\"LR1\",\"expiry\":\""
                                + LocalDate.now().plusYears(1) + "\",\"quantity\":" + quantity
                                + ",\"product\":{\"name\":\"Restart test\"}}",
                        202)
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> batch(id).path("allocation").path("done").asInt() > 0);
        labels.kill();
        long rowsAtKill = rows(id);
        assertThat(rowsAtKill).as("killed mid-allocation").isLessThan(quantity);

        labels.start();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> batch(id).path("status").asText().equals("ALLOCATED"));
        assertThat(rows(id)).isEqualTo(quantity);
        assertThat(Infrastructure.database()
                        .queryLong(
                                "label_restart",
                                "select count(distinct serial) from label where batch_id = '" + id + "'"))
                .isEqualTo(quantity);

        long headBefore = ledgerSeq();
        write("POST", "/v1/label-batches/" + id + "/commission", "", 202);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> batch(id).path("commissioning").path("done").asInt() >= 5_000);
        labels.kill();
        assertThat(Infrastructure.database()
                        .queryLong(
                                "label_restart",
                                "select count(*) from commission_chunk where batch_id = '" + id
                                        + "' and status = 'ACCEPTED'"))
                .as("killed mid-commissioning")
                .isLessThan(60);

        labels.start();
        await().atMost(Duration.ofSeconds(180))
                .until(() -> batch(id).path("status").asText().equals("COMMISSIONED"));
        JsonNode done = batch(id);
        assertThat(done.path("commissioning").path("done").asInt()).isEqualTo(quantity);
        assertThat(done.path("chunks").size()).isEqualTo(60);
        done.path("chunks").forEach(c -> assertThat(c.path("status").asText()).isEqualTo("ACCEPTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerSeq() >= headBefore + 60);
        assertThat(ledgerSeq()).as("each chunk appended exactly once").isEqualTo(headBefore + 60);
    }

    private static long rows(String batch) {
        return Infrastructure.database()
                .queryLong("label_restart", "select count(*) from label where batch_id = '" + batch + "'");
    }

    private static JsonNode batch(String id) {
        return call("GET", "/v1/label-batches/" + id, null, 200);
    }

    private static long ledgerSeq() {
        return send(
                        HttpRequest.newBuilder(URI.create(ledger.url() + "/v1/ledger/head"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        200)
                .path("seq")
                .asLong();
    }

    /**
     * A write, sent again while the service answers 503: it does that, having done nothing, while its fold
     * catches up, which a replica also does right after start when it takes the projection lease over and
     * restores.
     */
    private static JsonNode write(String method, String path, String body, int expected) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> call(method, path, body, expected), answer -> !answer.isMissingNode());
    }

    private static JsonNode call(String method, String path, String body, int expected) {
        Instant now = Instant.now();
        String credential = new PartyCredential(
                        PartyId.of(BRAND), List.of(Role.PRODUCER), now.minusSeconds(5), now.plusSeconds(600), "it")
                .sign(LEDGER.operatorKey());
        var request = HttpRequest.newBuilder(URI.create(labels.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request, expected);
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // catching up: poll again
            }
            assertThat(response.statusCode())
                    .as(request.uri() + ": " + new String(response.body()))
                    .isEqualTo(expected);
            return StrictJson.parse(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
