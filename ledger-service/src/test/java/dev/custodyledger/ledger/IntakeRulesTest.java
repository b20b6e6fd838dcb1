package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static dev.custodyledger.ledger.LedgerApi.accept;
import static dev.custodyledger.ledger.LedgerApi.headSeq;
import static dev.custodyledger.ledger.LedgerApi.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refusals at intake (nothing appended), rejections by the fold (appended, 409), races and idempotency. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class IntakeRulesTest {
    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    final String brand = "brand-" + run;
    final String shop = "shop-" + run;
    final String carrier = "carrier-" + run;
    final String prefix = "96" + (10000 + Math.floorMod(run.hashCode(), 89999));
    final Gtin wine = gtin(prefix, 7);
    final ItemCode bottle = item(wine, "W" + run);

    @BeforeEach
    void parties() {
        accept(TestLedger.concat(
                ledger.onboard(brand, Role.PRODUCER, prefix),
                ledger.onboard(shop, Role.RETAILER),
                ledger.onboard(carrier, Role.LOGISTICS)));
        accept(ledger.commission(brand, "L1", bottle));
    }

    /** Refused at intake: the answer carries the code and the ledger does not move. */
    void refused(SignedEvent event, int status, String code) {
        long before = headSeq();
        submit(event)
                .then()
                .statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo(code))
                .body("eventId", equalTo(event.id().toString()))
                .body("disposition", equalTo("refused"))
                .body("seq", nullValue())
                .body("detail", not(containsString("Exception")));
        assertThat(headSeq()).as("nothing appended for " + code).isEqualTo(before);
    }

    @Test
    void signerProblemsAreRefusedWithoutAppending() {
        Ed25519PrivateKey stranger = TestLedger.key("stranger-" + run);
        var unknownKey =
                new Handoff(ledger.header(EventType.HANDOFF, brand, stranger), List.of(bottle), PartyId.of(shop));
        refused(SignedEvent.sign(unknownKey, stranger), 403, "UNKNOWN_KEY");
        refused(ledger.handoff("ghost-" + run, shop, bottle), 403, "UNKNOWN_PARTY");

        ObjectNode forged = ledger.handoff(brand, shop, bottle).envelopeJson();
        forged.put("sig", ledger.handoff(brand, carrier, bottle).signatureBase64Url());
        long before = headSeq();
        LedgerApi.submitRaw(forged.toString().getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(403)
                .body("code", equalTo("BAD_SIGNATURE"));
        assertThat(headSeq()).isEqualTo(before);

        Ed25519PrivateKey label = TestLedger.key(brand + "/label");
        accept(ledger.addKey(brand, label, KeyPurpose.LABEL));
        refused(
                SignedEvent.sign(
                        new Handoff(ledger.header(EventType.HANDOFF, brand, label), List.of(bottle), PartyId.of(shop)),
                        label),
                403,
                "WRONG_KEY_PURPOSE");
    }

    @Test
    void ruleViolationsCertainToFailAreRefusedWithTheirCode() {
        refused(ledger.handoff(carrier, shop, bottle), 409, "NOT_CUSTODIAN");
        refused(ledger.commission(shop, "L9", item(wine, "X" + run)), 403, "ROLE_NOT_ALLOWED");
        refused(ledger.commission(brand, "L1", bottle), 409, "ALREADY_COMMISSIONED");
        refused(ledger.receive(shop, bottle), 409, "HANDOFF_NOT_PENDING");
        refused(ledger.handoff(brand, shop, item(wine, "NOPE" + run)), 409, "UNKNOWN_UNIT");
        refused(ledger.advance(java.time.Duration.ofHours(1)).handoff(brand, shop, bottle), 400, "CLOCK_SKEW");
        ledger.advance(java.time.Duration.ofHours(-1));
    }

    @Test
    void malformedAndOversizeInputIsRefusedAsProblemJson() {
        long before = headSeq();
        given().contentType(ContentType.JSON)
                .body("{\"event\":")
                .post("/v1/events")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"));
        given().contentType(ContentType.JSON)
                .body("{\"event\":{\"v\":1},\"sig\":\"AA\"}")
                .post("/v1/events")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"))
                .body("detail", containsString("64-byte"));
        given().contentType(ContentType.JSON)
                .body(new byte[2 << 20])
                .post("/v1/events")
                .then()
                .statusCode(413)
                .body("code", equalTo("TOO_LARGE"));
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/v1/events/batch")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"));
        LedgerApi.unit("01/09506000134353/21/X").then().statusCode(400).body("code", equalTo("MALFORMED"));
        given().get("/v1/nowhere").then().statusCode(404).contentType(containsString("problem+json"));
        assertThat(headSeq()).isEqualTo(before);
    }

    @Test
    void theSameEventSubmittedAgainAnswersTheSameAndIsAppendedOnce() throws Exception {
        SignedEvent handoff = ledger.handoff(brand, carrier, bottle);
        long before = headSeq();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() ->
                    submit(handoff).then().statusCode(201).extract().jsonPath().getString("seq"));
        }
        var pool = Executors.newFixedThreadPool(8);
        List<String> seqs = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            seqs.add(f.get());
        }
        pool.shutdown();
        assertThat(seqs).containsOnly(seqs.get(0));
        assertThat(headSeq()).isEqualTo(before + 1);

        submit(handoff).then().statusCode(201).body("seq", equalTo(Integer.valueOf(seqs.get(0))));
        assertThat(headSeq()).as("a later resubmission appends nothing").isEqualTo(before + 1);
        given().get("/v1/events/" + handoff.id()).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void concurrentConflictingHandoffsLetExactlyOneWin() throws Exception {
        List<String> receivers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String party = "rcv" + i + "-" + run;
            receivers.add(party);
            accept(ledger.onboard(party, Role.DISTRIBUTOR));
        }
        List<SignedEvent> handoffs =
                receivers.stream().map(r -> ledger.handoff(brand, r, bottle)).toList();
        var pool = Executors.newFixedThreadPool(handoffs.size());
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        for (SignedEvent h : handoffs) {
            answers.add(pool.submit(() -> submit(h)));
        }
        int accepted = 0;
        for (Future<io.restassured.response.Response> f : answers) {
            var r = f.get();
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                assertThat(r.statusCode()).isEqualTo(409);
                assertThat(r.jsonPath().getString("code")).isEqualTo("IN_TRANSIT");
                loserSaysWhatBecameOfIt(r.jsonPath());
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                LedgerApi.history(bottle.path()).jsonPath().getList("entries.type", String.class))
                        .containsExactly("COMMISSION", "HANDOFF"));
    }

    /** A loser was either refused (not in the ledger) or rejected by the fold (in it, at the seq it names). */
    private static void loserSaysWhatBecameOfIt(io.restassured.path.json.JsonPath problem) {
        String id = problem.getString("eventId");
        if (problem.getString("disposition").equals("rejected")) {
            long seq = problem.getLong("seq");
            given().get("/v1/events/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REJECTED"))
                    .body("seq", equalTo((int) seq));
        } else {
            assertThat(problem.getString("disposition")).isEqualTo("refused");
            assertThat(problem.getString("seq")).isNull();
            given().get("/v1/events/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
    }

    @Test
    void aBatchAnswersEveryEventInOrderEachOnItsOwn() {
        var good = ledger.handoff(brand, shop, bottle);
        var bad = ledger.handoff(carrier, shop, bottle);
        String body = "[" + new String(good.envelopeBytes(), StandardCharsets.UTF_8) + ","
                + new String(bad.envelopeBytes(), StandardCharsets.UTF_8) + "]";
        var results = given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(results.getList("results.status", Integer.class)).containsExactly(201, 409);
        assertThat(results.getString("results[1].problem.code")).isIn("NOT_CUSTODIAN", "IN_TRANSIT");
    }

    @Test
    void aBatchHoldingSomethingOtherThanAnEnvelopeIsRefusedWholeAndAppendsNothing() {
        var good = ledger.handoff(brand, shop, bottle);
        String body = "[" + new String(good.envelopeBytes(), StandardCharsets.UTF_8) + ",{\"nope\":1}]";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/batch")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"))
                .body("detail", org.hamcrest.Matchers.startsWith("event 1: "));
        given().get("/v1/events/" + good.id()).then().statusCode(404);
    }
}
