package dev.custodyledger.ledger;

import static io.restassured.RestAssured.given;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.testing.TestLedger;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;

/** The ledger-service HTTP API as a test client sees it. */
final class LedgerApi {
    private LedgerApi() {}

    static Response submit(SignedEvent event) {
        return given().contentType(ContentType.JSON).body(event.envelopeBytes()).post("/v1/events");
    }

    static Response submitRaw(byte[] body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/events");
    }

    static void accept(SignedEvent... events) {
        for (SignedEvent event : events) {
            Response r = submit(event);
            if (r.statusCode() != 201) {
                throw new AssertionError(event + " was not accepted: " + r.statusCode() + " " + r.asString());
            }
        }
    }

    static void accept(List<SignedEvent> events) {
        events.forEach(LedgerApi::accept);
    }

    static long headSeq() {
        return given().get("/v1/ledger/head")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("seq");
    }

    /** A party credential signed with the test operator key. */
    static String credential(String party) {
        var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new dev.custodyledger.core.credential.PartyCredential(
                        dev.custodyledger.core.party.PartyId.of(party), List.of(), now, now.plusSeconds(3600), "test")
                .sign(new TestLedger().operatorKey());
    }

    static Response unit(String path) {
        return unit(path, "operator");
    }

    static Response unit(String path, String party) {
        return given().header("Authorization", "Bearer " + credential(party)).get("/v1/units/" + path);
    }

    static Response history(String path) {
        return history(path, "operator");
    }

    static Response history(String path, String party) {
        return given().header("Authorization", "Bearer " + credential(party)).get("/v1/units/" + path + "/history");
    }
}
