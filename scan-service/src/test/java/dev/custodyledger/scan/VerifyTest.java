package dev.custodyledger.scan;

import static dev.custodyledger.scan.ScanLedger.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.fold.FoldService;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import dev.custodyledger.testsupport.OpenApiExamples;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every verdict from a ledger appended as signed records, read back through the verify API as an app (JSON)
 * and a browser (HTML) would. The ledger is built once per test JVM.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class VerifyTest {

    @Inject
    FoldService fold;

    @BeforeEach
    void ledger() {
        ScanLedger.ensureFolded();
    }

    @Test
    void everyExampleInTheDocumentHoldsToItsSchema() {
        assertThat(OpenApiExamples.check(RestAssured.baseURI + ":" + RestAssured.port))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anItemOnTheShelfIsGenuineWithItsJourneyAndAValidLabel() {
        JsonPath a = verify(label(ON_SHELF, "L1", LABEL_KEY))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(a.getString("verdict")).isEqualTo("GENUINE");
        assertThat(a.getList("reasons.code")).containsExactly("IN_SUPPLY_CHAIN", "LABEL_SIGNATURE_VALID");
        assertThat(a.getString("label")).isEqualTo("VALID");
        assertThat(a.getString("product.name")).isEqualTo("Infant formula 800 g");
        assertThat(a.getString("product.brandOwner")).isEqualTo("Party " + BRAND);
        assertThat(a.getString("product.lot")).isEqualTo("L1");
        assertThat(a.getString("product.expiry")).isEqualTo("2028-06-30");
        assertThat(a.getString("heldBy.name")).isEqualTo("Party " + SHOP);
        assertThat(a.getList("journey.step"))
                .containsExactly("COMMISSIONED", "PACKED", "SHIPPED", "RECEIVED", "SHIPPED", "RECEIVED", "UNPACKED");
        assertThat(a.getList("journey.inContainer", Boolean.class))
                .containsExactly(false, false, true, true, true, true, true);
        assertThat(a.getString("journey[4].to")).isEqualTo("Party " + SHOP);
        assertThat(a.getString("journey[0].city")).isEqualTo("City of " + BRAND);
        assertThat(a.getLong("ledgerSeq")).isGreaterThanOrEqualTo(19);
    }

    @Test
    void everyVerdictHasItsReason() {
        assertVerdict(label(SOLD, "L1", LABEL_KEY), "SOLD", "SOLD");
        assertVerdict(label(SOLD, "L1", LABEL_KEY) + "&context=till", "SUSPECT", "SOLD_ITEM_AT_TILL");
        assertVerdict(label(RECALLED, "L2", LABEL_KEY), "RECALLED", "LOT_RECALLED");
        assertVerdict(label(STOLEN, "L1", LABEL_KEY), "INACTIVE", "REPORTED_STOLEN");
        assertVerdict(label(NEVER_MADE, "L1", LABEL_KEY), "UNKNOWN", "NOT_COMMISSIONED");
        assertVerdict(label(ON_SHELF, "L9", LABEL_KEY), "SUSPECT", "LOT_MISMATCH");
        assertVerdict(label(ON_SHELF, "L1", TestLedger.key("forger")), "SUSPECT", "LABEL_SIGNATURE_INVALID");
        assertVerdict("/" + CASE.path(), "GENUINE", "IN_SUPPLY_CHAIN");
    }

    @Test
    void whateverTheScannerReadIsAccepted() {
        String serial = ON_SHELF.serial().value();
        for (String code : List.of(
                "https://id.example.com/01/" + GTIN.value() + "/21/" + serial,
                "(01)" + GTIN.value() + "(21)" + serial,
                "]d201" + GTIN.value() + "21" + serial,
                "01" + GTIN.value() + "10L1\u001d21" + serial)) {
            given().queryParam("code", code)
                    .get("/v1/verify")
                    .then()
                    .statusCode(200)
                    .body("verdict", equalTo("GENUINE"))
                    .body("code", equalTo(ON_SHELF.path()));
        }
    }

    @Test
    void aMalformedCodeIsA400ThatSaysWhatIsWrong() {
        String badCheckDigit = GTIN.value().substring(0, 13) + ((GTIN.value().charAt(13) - '0' + 1) % 10);
        problem(given().queryParam("code", "(01)" + badCheckDigit + "(21)X").get("/v1/verify"), "BAD_CODE_CHECK_DIGIT");
        problem(given().get("/v1/verify"), "BAD_CODE_EMPTY");
        problem(given().queryParam("code", "x".repeat(2000)).get("/v1/verify"), "BAD_CODE_TOO_LONG");
        problem(given().urlEncodingEnabled(false).get("/01/" + GTIN.value() + "/21/A%5EB"), "BAD_CODE_CHARACTER_SET");
        problem(given().queryParam("code", "(01)" + GTIN.value()).get("/v1/verify"), "BAD_CODE_NOT_SERIALISED");
        problem(
                given().queryParam("code", ON_SHELF.path())
                        .queryParam("context", "kiosk")
                        .get("/v1/verify"),
                "MALFORMED");
    }

    @Test
    void browsersGetThePageAppsGetJson() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get(label(ON_SHELF, "L1", LABEL_KEY))
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Genuine product"))
                .body(containsString("Shipped by Party " + CARRIER + " to Party " + SHOP));
        given().accept("*/*").get(label(ON_SHELF, "L1", LABEL_KEY)).then().contentType(ContentType.JSON);
    }

    @Test
    void aRetailPlatformChecksAShipmentInOneCallWithItsCredential() {
        var body = Map.of("codes", List.of(ON_SHELF.path(), "(01)123", NEVER_MADE.path()), "context", "inspection");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/verify/batch")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));

        given().header("Authorization", "Bearer " + credential(SHOP))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/verify/batch")
                .then()
                .statusCode(200)
                .body("results[0].answer.verdict", equalTo("GENUINE"))
                .body("results[1].problem.code", equalTo("BAD_CODE_LENGTH"))
                .body("results[2].answer.verdict", equalTo("UNKNOWN"));
    }

    /**
     * A thousand codes make many read-model statements of many units each (ADR 13), some naming one unit twice:
     * every answer is the one for its own code, in the order asked.
     */
    @Test
    void aFullBatchGetsEachCodesOwnAnswerInOrder() {
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put(SOLD.path(), "SOLD");
        expected.put(RECALLED.path(), "RECALLED");
        expected.put(ON_SHELF.path(), "GENUINE");
        expected.put(STOLEN.path(), "INACTIVE");
        expected.put(NEVER_MADE.path(), "UNKNOWN");
        expected.put(CASE.path(), "GENUINE");
        List<String> paths = List.copyOf(expected.keySet());
        java.util.Random random = new java.util.Random(7);
        List<String> codes = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> paths.get(random.nextInt(paths.size())))
                .toList();

        List<String> verdicts = given().header("Authorization", "Bearer " + credential(SHOP))
                .contentType(ContentType.JSON)
                .body(Map.of("codes", codes))
                .post("/v1/verify/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("results.answer.verdict");

        assertThat(verdicts)
                .containsExactlyElementsOf(codes.stream().map(expected::get).toList());
    }

    @Test
    void itsFoldAgreesWithTheAuditorsAndSurvivesLosingItsMemory() {
        String auditor = (LedgerReplay.replay(
                                Infrastructure.kafka().bootstrapServers(), LEDGER.anchor(), LedgerRules.DEFAULT)
                        .state())
                .commitment();
        assertThat(given().get("/v1/ledger/head").jsonPath().getString("stateDigest"))
                .isEqualTo(auditor);

        fold.engine().restoreFromStore();
        await().atMost(Duration.ofSeconds(30)).until(fold.engine()::current);
        assertThat(given().get("/v1/ledger/head").jsonPath().getString("stateDigest"))
                .isEqualTo(auditor);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static io.restassured.response.Response verify(String path) {
        return given().accept(ContentType.JSON).get(path);
    }

    private static void assertVerdict(String path, String verdict, String reason) {
        verify(path).then().statusCode(200).body("verdict", equalTo(verdict)).body("reasons.code", hasItem(reason));
    }

    private static void problem(io.restassured.response.Response response, String code) {
        response.then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo(code));
    }

    private static String credential(String party) {
        Instant now = Instant.now();
        return new PartyCredential(
                        dev.custodyledger.core.party.PartyId.of(party),
                        List.of(Role.RETAILER),
                        now,
                        now.plus(Duration.ofMinutes(5)),
                        "t-" + party)
                .sign(LEDGER.operatorKey());
    }
}
