package dev.custodyledger.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import dev.custodyledger.testsupport.ServiceProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system: the three packaged services as their own processes on real Kafka and PostgreSQL, the demo
 * scenario driven through their public APIs, then every verdict, the journey of a sold unit, and the auditor's
 * replay (the CLI, reading Kafka itself) agreeing with both services' state digests. Every request the demo makes
 * and every answer to it is held to the services' OpenAPI documents.
 */
class DemoIT {
    static final Ed25519PrivateKey OPERATOR = Ed25519PrivateKey.generate();
    static final List<ServiceProcess> SERVICES = new ArrayList<>();
    static final OpenApiContract CONTRACT = new OpenApiContract();
    static DemoScenario.Services urls;

    @TempDir
    static Path keys;

    @BeforeAll
    static void startTheSystem() {
        String anchor = OPERATOR.publicKey().base64Url();
        var ledger = ServiceProcess.of("ledger-service", "ledger_demo", anchor, Path.of("target"))
                .start();
        var scan = ServiceProcess.of("scan-service", "scan_demo", anchor, Path.of("target"))
                .start();
        var label = ServiceProcess.of("label-service", "label_demo", anchor, Path.of("target"))
                .withEnv("CUSTODY_KEYS_PASSPHRASE", "demo-test-passphrase")
                .withEnv("QUARKUS_REST_CLIENT_LEDGER_URL", ledger.url())
                .withEnv("CUSTODY_LABELS_RESOLVER", scan.url())
                .start();
        SERVICES.addAll(List.of(label, scan, ledger));
        urls = new DemoScenario.Services(ledger.url(), scan.url(), label.url());
        Api.witnessedBy(CONTRACT::check);
    }

    @AfterAll
    static void stop() {
        Api.witnessedBy((request, body, answer) -> {});
        SERVICES.forEach(ServiceProcess::stop);
    }

    @Test
    void theDemoGivesEveryVerdictAJourneyAndOneDigestForServicesAndAuditor() throws Exception {
        var result = new DemoScenario(urls, OPERATOR, keys, line -> System.out.println("demo: " + line)).run();

        assertThat(verdict(result.genuine())).isEqualTo("GENUINE");
        assertThat(verdict(result.inWarehouse())).isEqualTo("GENUINE");
        assertThat(verdict(result.sold())).isEqualTo("SOLD");
        assertThat(verdict(result.recalled())).isEqualTo("RECALLED");
        assertThat(verdict(result.counterfeit())).isEqualTo("UNKNOWN");
        JsonNode cloned = verify(result.cloned());
        assertThat(cloned.path("verdict").asText()).isEqualTo("SUSPECT");
        assertThat(cloned.toString()).contains("SCANNED_ON_TOO_MANY_DEVICES");

        ItemCode sold = result.soldUnits().get(0);
        JsonNode history = Api.expect(
                Api.get(
                        urls.ledger() + "/v1/units/01/" + sold.gtin().value() + "/21/"
                                + sold.serial().value() + "/history",
                        credential()),
                200,
                "the history of a sold unit");
        var steps = new ArrayList<String>();
        history.path("entries").forEach(e -> steps.add(e.path("type").asText()));
        assertThat(steps)
                .containsSubsequence("COMMISSION", "PACK", "PACK", "HANDOFF", "RECEIVE", "HANDOFF", "RECEIVE")
                .containsSubsequence("UNPACK", "UNPACK", "HANDOFF", "RECEIVE", "SELL");
        assertThat(history.toString()).contains(result.pallet().sscc().value());
        JsonNode onShelf = history(result.genuine());
        JsonNode last = onShelf.path("entries").get(onShelf.path("entries").size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("RECEIVE");
        assertThat(last.path("actor").asText()).isEqualTo("fresh-mart");
        JsonNode inCase = history(result.inWarehouse());
        assertThat(inCase.path("entries")
                        .get(inCase.path("entries").size() - 1)
                        .path("viaContainer")
                        .asBoolean())
                .as("still in its case at the distributor: its last move came with the pallet")
                .isTrue();

        var compare = new ProcessBuilder(
                        ServiceProcess.java(),
                        "-jar",
                        Path.of(System.getProperty("repo.root", "../.."), "custody-cli/target/custody.jar")
                                .toString(),
                        "ledger",
                        "compare",
                        "--kafka",
                        Infrastructure.kafka().bootstrapServers(),
                        "--operator-public-key",
                        OPERATOR.publicKey().base64Url(),
                        "--ledger",
                        urls.ledger(),
                        "--scan",
                        urls.scan())
                .redirectErrorStream(true)
                .start();
        String out = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compare.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(out).contains("ledger-service", "scan-service").doesNotContain("DIFFERS");
        assertThat(compare.exitValue()).as(out).isZero();
        assertThat(CONTRACT.checked())
                .as("exchanges held to the OpenAPI documents")
                .isGreaterThan(50);
    }

    private static JsonNode history(String payload) {
        var item =
                (ItemCode) dev.custodyledger.core.gs1.ScannedCode.parse(payload).unit();
        return Api.expect(
                Api.get(
                        urls.ledger() + "/v1/units/01/" + item.gtin().value() + "/21/"
                                + item.serial().value() + "/history",
                        credential()),
                200,
                "a unit's history");
    }

    private static String verdict(String code) {
        return verify(code).path("verdict").asText();
    }

    private static JsonNode verify(String code) {
        return Api.expect(
                Api.get(urls.scan() + "/v1/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8), null),
                200,
                "verify");
    }

    private static String credential() {
        Instant now = Instant.now();
        return new PartyCredential(
                        PartyId.of(DemoScenario.BRAND),
                        List.of(Role.PRODUCER),
                        now.minusSeconds(5),
                        now.plusSeconds(600),
                        "it")
                .sign(OPERATOR);
    }
}
