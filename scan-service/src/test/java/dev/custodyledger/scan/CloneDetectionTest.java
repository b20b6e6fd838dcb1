package dev.custodyledger.scan;

import static dev.custodyledger.scan.ScanLedger.BRAND;
import static dev.custodyledger.scan.ScanLedger.CLONED;
import static dev.custodyledger.scan.ScanLedger.LEDGER;
import static dev.custodyledger.scan.ScanLedger.REPEATED;
import static dev.custodyledger.scan.ScanLedger.RESOLD;
import static dev.custodyledger.scan.ScanLedger.SHOP;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.kafka.TopicSpec;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scans recorded through the API, folded by the clone detector, seen in verifies and in the brand's alerts. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class CloneDetectionTest {

    @BeforeEach
    void ledger() {
        ScanLedger.ensureFolded();
    }

    @Test
    void oneCodeScannedByShoppersInThreeCitiesIsSuspectAndTheBrandIsAlerted() {
        scan(CLONED, "consumer", "phone-1", "Berlin");
        scan(CLONED, "consumer", "phone-2", "Hamburg");
        scan(CLONED, "consumer", "phone-3", "Munich");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(verify(CLONED).getList("reasons.code")).contains("SCANNED_IN_TOO_MANY_PLACES"));
        assertThat(verify(CLONED).getString("verdict")).isEqualTo("SUSPECT");

        JsonPath alerts = alerts(BRAND).then().statusCode(200).extract().jsonPath();
        long id = alertId(alerts, CLONED);
        assertThat(alerts.getString("alerts.find { it.id == " + id + " }.status"))
                .isEqualTo("NEW");
        assertThat(alerts(SHOP).jsonPath().getList("alerts.unit")).doesNotContain(CLONED.path());
        given().get("/v1/alerts").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));

        change(SHOP, id, Map.of("status", "investigating")).then().statusCode(404);
        change(BRAND, id, Map.of("status", "closed")).then().statusCode(400).body("code", equalTo("BAD_STATUS"));
        change(BRAND, id, Map.of("status", "investigating"))
                .then()
                .statusCode(200)
                .body("status", equalTo("INVESTIGATING"));
        change(BRAND, id, Map.of("status", "closed", "reason", "labels copied at a market stall; reported"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("statusReason", equalTo("labels copied at a market stall; reported"));
        change(BRAND, id, Map.of("status", "investigating")).then().statusCode(404);
    }

    @Test
    void oneShopperCheckingTheSameItemAgainAndAgainNeverEscalates() {
        String[] cities = {"Berlin", "Hamburg", "Munich", "Cologne", "Bremen"};
        for (int i = 0; i < 10; i++) {
            given().queryParam("code", REPEATED.path())
                    .queryParam("context", "consumer")
                    .queryParam("device", "phone-r")
                    .queryParam("city", cities[i % cities.length])
                    .queryParam("country", "DE")
                    .accept(ContentType.JSON)
                    .get("/v1/verify")
                    .then()
                    .statusCode(200)
                    .body("verdict", equalTo("GENUINE"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Infrastructure.database()
                                .queryLong(
                                        "scan",
                                        "select count(*) from scan_record where unit_code = '" + REPEATED.path() + "'")
                        == 10);
        assertThat(verify(REPEATED).getString("verdict")).isEqualTo("GENUINE");
        assertThat(Infrastructure.database()
                        .queryLong(
                                "scan", "select count(*) from unit_flag where unit_code = '" + REPEATED.path() + "'"))
                .isZero();
    }

    @Test
    void aTillScanningAnItemAlreadySoldMakesItSuspectForEveryone() {
        assertThat(verify(RESOLD).getString("verdict")).isEqualTo("SOLD");
        scan(RESOLD, "till", "till-17", "Berlin");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(verify(RESOLD).getString("verdict")).isEqualTo("SUSPECT"));
        assertThat(verify(RESOLD).getList("reasons.code")).startsWith("SOLD_ITEM_AT_TILL");
        alertId(alerts(BRAND).jsonPath(), RESOLD);
    }

    @Test
    void aBadScanIsA400AndNothingIsRecorded() {
        long before = scansInTopic();
        badScan(Map.of("code", CLONED.path(), "context", "consumer", "device", "has spaces"), "BAD_SCAN");
        badScan(Map.of("code", CLONED.path(), "context", "kiosk", "device", "d1"), "MALFORMED");
        badScan(Map.of("code", CLONED.path(), "device", "d1"), "BAD_SCAN");
        badScan(Map.of("code", "(01)123", "context", "consumer", "device", "d1"), "BAD_CODE_LENGTH");
        badScan(
                Map.of(
                        "code",
                        CLONED.path(),
                        "context",
                        "consumer",
                        "device",
                        "d1",
                        "city",
                        "Lyon",
                        "country",
                        "France"),
                "BAD_SCAN");
        assertThat(scansInTopic()).isEqualTo(before);
    }

    private static void scan(ItemCode unit, String context, String device, String city) {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", unit.path(), "context", context, "device", device, "city", city, "country", "DE"))
                .post("/v1/scans")
                .then()
                .statusCode(202);
    }

    private static void badScan(Map<String, String> body, String code) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/scans")
                .then()
                .statusCode(400)
                .body("code", equalTo(code));
    }

    private static JsonPath verify(ItemCode unit) {
        return given().accept(ContentType.JSON)
                .queryParam("code", unit.path())
                .get("/v1/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response alerts(String party) {
        return given().header("Authorization", "Bearer " + credential(party)).get("/v1/alerts");
    }

    private static io.restassured.response.Response change(String party, long id, Map<String, String> body) {
        return given().header("Authorization", "Bearer " + credential(party))
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/v1/alerts/" + id);
    }

    private static long alertId(JsonPath alerts, ItemCode unit) {
        List<Integer> ids = alerts.getList("alerts.findAll { it.unit == '" + unit.path() + "' }.id");
        assertThat(ids).as("an alert for " + unit.path()).hasSize(1);
        return ids.get(0);
    }

    private static String credential(String party) {
        Instant now = Instant.now();
        return new PartyCredential(
                        PartyId.of(party), List.of(Role.PRODUCER), now, now.plus(Duration.ofMinutes(5)), "c-" + party)
                .sign(LEDGER.operatorKey());
    }

    private static long scansInTopic() {
        var props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers());
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TopicSpec.SCANS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
