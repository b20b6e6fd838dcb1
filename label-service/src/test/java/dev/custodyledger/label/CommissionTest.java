package dev.custodyledger.label;

import static dev.custodyledger.label.LabelLedger.ACME;
import static dev.custodyledger.label.LabelLedger.ACME_GTIN;
import static dev.custodyledger.label.LabelLedger.RIVAL;
import static dev.custodyledger.label.LabelLedger.RIVAL_GTIN;
import static dev.custodyledger.label.LabelLedger.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Commissioning through a real ledger-service (its packaged jar, its own process, the same Kafka). */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(LabelInfrastructure.class)
class CommissionTest {
    private static boolean keys;

    @Inject
    LedgerView fold;

    @BeforeEach
    void producerWithRegisteredLabelAndCustodyKeys() {
        LabelLedger.ensureOnboarded();
        if (!keys) {
            LabelLedger.generateRegisteredKey(ACME, KeyPurpose.LABEL);
            LabelLedger.generateRegisteredKey(ACME, KeyPurpose.CUSTODY);
            keys = true;
        }
    }

    @Test
    void aBatchIsCommissionedInChunksOnceAndTheLedgerHoldsEveryUnit() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-COMM", 2_500);
        long headBefore = ledgerSeq();

        given().header("Authorization", bearer(ACME))
                .post("/v1/label-batches/" + id + "/commission")
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/label-batches/" + id));
        JsonPath done = Batches.awaitStatus(ACME, id, "COMMISSIONED", Duration.ofSeconds(90));

        assertThat(done.getInt("commissioning.done")).isEqualTo(2_500);
        List<String> statuses = done.getList("chunks.status");
        assertThat(statuses).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(done.getList("chunks.lastLabel", Integer.class)).containsExactly(1_000, 2_000, 2_500);
        assertThat(ledgerSeq()).isEqualTo(headBefore + 3);
        String serial = serialOf(id, 2_500);
        given().get(LabelInfrastructure.ledgerService().url() + "/v1/events/" + done.getString("chunks[2].eventId"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        given().header("Authorization", bearer(ACME))
                .post("/v1/label-batches/" + id + "/commission")
                .then()
                .statusCode(202)
                .body("status", equalTo("COMMISSIONED"));
        assertThat(ledgerSeq()).as("a second commission appends nothing").isEqualTo(headBefore + 3);
        assertThat(serial).hasSize(12);
    }

    @Test
    void labelServiceFoldsTheRegistryAloneAndKeepsNoneOfTheUnitsItCommissioned() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-REGISTRY", 10);
        given().header("Authorization", bearer(ACME))
                .post("/v1/label-batches/" + id + "/commission")
                .then()
                .statusCode(202);
        Batches.awaitStatus(ACME, id, "COMMISSIONED", Duration.ofSeconds(90));
        long ledgerSeq = ledgerSeq();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/v1/ledger/head").jsonPath().getLong("seq") >= ledgerSeq);

        given().get("/v1/ledger/head").then().statusCode(200).body("scope", equalTo("REGISTRY"));
        given().get(LabelInfrastructure.ledgerService().url() + "/v1/ledger/head")
                .then()
                .body("scope", equalTo("LEDGER"));
        long units = fold.read(state -> state.unitCount());
        PartyState producer = fold.read(state -> state.party(PartyId.of(ACME)));
        assertThat(units).as("units in label-service's state").isZero();
        assertThat(producer).as("the producer, from the registry").isNotNull();
    }

    @Test
    void whileLedgerServiceIsDownChunksAreRetriedAndNothingIsCommissionedTwice() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-OUTAGE", 1_500);
        var ledger = LabelInfrastructure.ledgerService();
        long headBefore = ledgerSeq();
        ledger.stop();
        try {
            given().header("Authorization", bearer(ACME))
                    .post("/v1/label-batches/" + id + "/commission")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("COMMISSIONING"));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Batches.view(ACME, id).getString("status").equals("COMMISSIONING"));
        } finally {
            ledger.start();
        }
        JsonPath done = Batches.awaitStatus(ACME, id, "COMMISSIONED", Duration.ofSeconds(120));

        assertThat(done.getList("chunks.status")).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(ledgerSeq()).isEqualTo(headBefore + 2);
    }

    @Test
    void withoutARegisteredCustodyKeyNothingIsSubmitted() {
        LabelLedger.generateRegisteredKey(RIVAL, KeyPurpose.LABEL);
        String id = Batches.allocated(RIVAL, RIVAL_GTIN, "L-NOKEY", 5);

        given().header("Authorization", bearer(RIVAL))
                .post("/v1/label-batches/" + id + "/commission")
                .then()
                .statusCode(409)
                .body("code", equalTo("CUSTODY_KEY_NOT_REGISTERED"));
        assertThat(Batches.view(RIVAL, id).getString("status")).isEqualTo("ALLOCATED");
    }

    private static long ledgerSeq() {
        return given().get(LabelInfrastructure.ledgerService().url() + "/v1/ledger/head")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("seq");
    }

    private static String serialOf(String batch, int index) {
        String csv = given().header("Authorization", bearer(ACME))
                .get("/v1/label-batches/" + batch + "/labels?format=csv&from=" + index + "&to=" + index)
                .asString();
        return csv.split("\r\n")[1].split(",")[4];
    }
}
