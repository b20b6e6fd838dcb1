package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static dev.custodyledger.ledger.LedgerApi.accept;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Histories need a party credential; a party sees units it held or was named for, a brand its GTINs, the operator all. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class ReadAccessTest {
    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    final String brand = "owner-" + run;
    final String shop = "till-" + run;
    final String stranger = "other-" + run;
    final String prefix = "93" + (10000 + Math.floorMod(run.hashCode(), 89999));
    final ItemCode watch = item(gtin(prefix, 5), "WATCH" + run);

    @Test
    void readsNeedACredentialAndSeeOnlyWhatThePartyIsInvolvedIn() {
        accept(TestLedger.concat(
                ledger.onboard(brand, Role.PRODUCER, prefix),
                ledger.onboard(shop, Role.RETAILER),
                ledger.onboard(stranger, Role.RETAILER)));
        accept(ledger.commission(brand, "L1", watch));
        SignedEvent handoff = ledger.handoff(brand, shop, watch);
        accept(handoff);

        given().get("/v1/units/" + watch.path()).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + "not.a.token")
                .get("/v1/units/" + watch.path())
                .then()
                .statusCode(401);
        LedgerApi.unit(watch.path(), brand).then().statusCode(200).body("custodian", equalTo(brand));
        Awaitility.await()
                .untilAsserted(
                        () -> LedgerApi.history(watch.path(), shop).then().statusCode(200));
        LedgerApi.history(watch.path(), stranger).then().statusCode(403).body("code", equalTo("NOT_INVOLVED"));
        LedgerApi.unit(watch.path(), "operator").then().statusCode(200);

        given().get("/v1/events/" + handoff.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("envelope", nullValue());
        given().header("Authorization", "Bearer " + LedgerApi.credential(shop))
                .get("/v1/events/" + handoff.id())
                .then()
                .statusCode(200)
                .body("envelope.event.to", equalTo(shop));
        given().header("Authorization", "Bearer " + LedgerApi.credential(stranger))
                .get("/v1/events/" + handoff.id())
                .then()
                .statusCode(200)
                .body("envelope", nullValue());

        Instant past = Instant.now().minusSeconds(7200);
        String expired = new PartyCredential(PartyId.of(brand), List.of(), past, past.plusSeconds(600), "old")
                .sign(new TestLedger().operatorKey());
        given().header("Authorization", "Bearer " + expired)
                .get("/v1/units/" + watch.path())
                .then()
                .statusCode(401)
                .body("detail", equalTo("the credential has expired or is not valid yet"));
        String forged = new PartyCredential(
                        PartyId.of(brand),
                        List.of(),
                        Instant.now(),
                        Instant.now().plusSeconds(600),
                        "f")
                .sign(Ed25519PrivateKey.generate());
        given().header("Authorization", "Bearer " + forged)
                .get("/v1/units/" + watch.path())
                .then()
                .statusCode(401);

        accept(ledger.suspend(stranger));
        LedgerApi.unit(watch.path(), stranger).then().statusCode(403).body("code", equalTo("CREDENTIAL_REVOKED"));
        given().get("/v1/ledger/head").then().statusCode(200).body("stateDigest", notNullValue());
        given().get("/v1/parties/" + brand).then().statusCode(200);
    }
}
