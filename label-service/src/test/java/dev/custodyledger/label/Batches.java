package dev.custodyledger.label;

import static dev.custodyledger.label.LabelLedger.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.gs1.Gtin;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;

/** Label batches as a producer creates and follows them through the API. */
final class Batches {
    static final LocalDate EXPIRY = LocalDate.now().plusYears(2).withDayOfMonth(28);

    private Batches() {}

    static String request(Gtin gtin, String lot, int quantity) {
        return "{\"gtin\":\"" + gtin.value() + "\",\"lot\":\"" + lot.replace("\"", "\\\"") + "\",\"expiry\":\"" + EXPIRY
                + "\",\"quantity\":" + quantity
                + ",\"product\":{\"name\":\"Infant formula 800 g\",\"brand\":\"ACME\"}}";
    }

    /** Creates a batch and waits until every label is allocated; answers its id. */
    static String allocated(String party, Gtin gtin, String lot, int quantity) {
        String id = given().header("Authorization", bearer(party))
                .contentType("application/json")
                .body(request(gtin, lot, quantity))
                .post("/v1/label-batches")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitStatus(party, id, "ALLOCATED", Duration.ofSeconds(60));
        return id;
    }

    static JsonPath awaitStatus(String party, String id, String status, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> view(party, id).getString("status").equals(status));
        return view(party, id);
    }

    static JsonPath view(String party, String id) {
        return given().header("Authorization", bearer(party))
                .get("/v1/label-batches/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
