package dev.custodyledger.label;

import static dev.custodyledger.label.LabelLedger.ACME;
import static dev.custodyledger.label.LabelLedger.ACME_GTIN;
import static dev.custodyledger.label.LabelLedger.RIVAL;
import static dev.custodyledger.label.LabelLedger.RIVAL_GTIN;
import static dev.custodyledger.label.LabelLedger.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import dev.custodyledger.testsupport.OpenApiExamples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(LabelInfrastructure.class)
class BatchTest {
    private static boolean keys;

    @BeforeEach
    void producerWithARegisteredLabelKey() {
        LabelLedger.ensureOnboarded();
        if (!keys) {
            LabelLedger.generateRegisteredKey(ACME, KeyPurpose.LABEL);
            keys = true;
        }
    }

    @Test
    void everyExampleInTheDocumentHoldsToItsSchema() {
        assertThat(OpenApiExamples.check(RestAssured.baseURI + ":" + RestAssured.port))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBatchDrawsDistinctTwelveCharacterSerialsInTheBackgroundAndReportsItsProgress() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-BATCH", 2_500);

        var view = Batches.view(ACME, id);
        assertThat(view.getInt("allocation.done")).isEqualTo(2_500);
        assertThat(view.getInt("allocation.total")).isEqualTo(2_500);
        assertThat(view.getString("links.labels"))
                .isEqualTo("/v1/label-batches/" + id + "/labels?format={svg|png|pdf|csv}");
        var db = Infrastructure.database();
        String where = " from label where batch_id = '" + id + "'";
        assertThat(db.queryLong("label", "select count(*)" + where)).isEqualTo(2_500);
        assertThat(db.queryLong("label", "select count(distinct serial)" + where))
                .isEqualTo(2_500);
        assertThat(db.queryLong("label", "select count(*)" + where + " and serial !~ '^[0-9A-HJKMNP-TV-Z]{12}$'"))
                .isZero();
        assertThat(db.queryLong("label", "select max(idx) - min(idx) + 1" + where))
                .isEqualTo(2_500);
    }

    @Test
    void theDatabaseRefusesASecondLabelWithTheSameSerialForAGtin() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-UNIQUE", 3);
        var db = Infrastructure.database();

        assertThatThrownBy(() -> db.execute(
                        "label",
                        "insert into label (batch_id, idx, gtin, serial) select batch_id, 99, gtin, serial from label"
                                + " where batch_id = '" + id + "' and idx = 1"))
                .hasMessageContaining("label_gtin_serial_key");
    }

    @Test
    void aGtinOutsideTheProducersCompanyPrefixesIsRefused() {
        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body(Batches.request(RIVAL_GTIN, "L1", 10))
                .post("/v1/label-batches")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("GTIN_NOT_OWNED"));
    }

    @Test
    void aProducerWithoutARegisteredLabelKeyCannotCreateABatch() {
        given().header("Authorization", bearer(RIVAL))
                .contentType("application/json")
                .body(Batches.request(RIVAL_GTIN, "L1", 10))
                .post("/v1/label-batches")
                .then()
                .statusCode(409)
                .body("code", equalTo("LABEL_KEY_NOT_REGISTERED"));
    }

    @Test
    void malformedRequestsAreRefusedAndLeaveNoBatchBehind() {
        long before = Infrastructure.database().queryLong("label", "select count(*) from label_batch");
        String good = Batches.request(ACME_GTIN, "L1", 10);
        String[] bad = {
            good.replace("\"quantity\":10", "\"quantity\":0"),
            good.replace("\"quantity\":10", "\"quantity\":1000001"),
            good.replace("\"quantity\":10", "\"quantity\":1e3"),
            good.replace("\"quantity\":10", "\"quantity\":\"10\""),
            good.replace(ACME_GTIN.value(), "09506000134353"),
            good.replace("\"lot\":\"L1\"", "\"lot\":\"L1 with spaces\""),
            good.replace("\"lot\":\"L1\"", "\"lot\":\"L123456789012345678901\""),
            good.replace(Batches.EXPIRY.toString(), "2001-01-01"),
            good.replace(Batches.EXPIRY.toString(), "tomorrow"),
            good.replace("\"name\":\"Infant formula 800 g\",", ""),
            good.replace("{\"gtin\"", "{\"extra\":1,\"gtin\""),
            good.substring(0, good.length() - 1),
            "[]",
            "{\"gtin\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":{\"k\":{\"l\":{\"m\":{\"n\":{\"o\":{\"p\":{}}}}}}}}}}}}}}}}}}"
        };
        for (String body : bad) {
            given().header("Authorization", bearer(ACME))
                    .contentType("application/json")
                    .body(body)
                    .post("/v1/label-batches")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED"));
        }
        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body("{\"gtin\":\"" + "9".repeat(70_000) + "\"}")
                .post("/v1/label-batches")
                .then()
                .statusCode(413);
        assertThat(Infrastructure.database().queryLong("label", "select count(*) from label_batch"))
                .isEqualTo(before);
    }

    @Test
    void anotherPartysBatchDoesNotExistForYou() {
        String id = Batches.allocated(ACME, ACME_GTIN, "L-MINE", 2);

        given().header("Authorization", bearer(RIVAL))
                .get("/v1/label-batches/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", bearer(RIVAL))
                .get("/v1/label-batches/" + id + "/labels?format=csv")
                .then()
                .statusCode(404);
        given().header("Authorization", bearer(ACME))
                .get("/v1/label-batches/../../etc/passwd")
                .then()
                .statusCode(404);
    }
}
