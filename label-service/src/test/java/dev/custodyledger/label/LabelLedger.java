package dev.custodyledger.label;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.LedgerTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The parties label tests work as, put on the ledger once per test JVM by the operator: two producers with
 * their own company prefixes and a retailer. Keys generated through label-service are registered here the way
 * the operator registers them, as KEY_ADDED records.
 */
final class LabelLedger {
    static final TestLedger LEDGER = TestLedger.startingNow();
    static final String ACME = "acme-labels";
    static final String RIVAL = "rival-labels";
    static final String SHOP = "shop-labels";
    static final Gtin ACME_GTIN = gtin("9506000", 134);
    static final Gtin RIVAL_GTIN = gtin("9507000", 7);
    private static boolean onboarded;

    private LabelLedger() {}

    static synchronized void ensureOnboarded() {
        if (!onboarded) {
            var log = new ArrayList<>(LEDGER.onboard(ACME, Role.PRODUCER, "9506000"));
            log.addAll(LEDGER.onboard(RIVAL, Role.PRODUCER, "9507000"));
            log.addAll(LEDGER.onboard(SHOP, Role.RETAILER));
            LedgerTopic.append(log);
            onboarded = true;
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().header("Authorization", bearer(SHOP))
                                .get("/v1/keys")
                                .statusCode()
                        == 403);
    }

    static String bearer(String party) {
        Role role = party.equals(SHOP) ? Role.RETAILER : Role.PRODUCER;
        Instant now = Instant.now();
        return "Bearer "
                + new PartyCredential(
                                PartyId.of(party),
                                List.of(role),
                                now.minusSeconds(5),
                                now.plus(Duration.ofHours(1)),
                                UUID.randomUUID().toString())
                        .sign(LEDGER.operatorKey());
    }

    /** Generates a key through label-service and has the operator register it; answers its key id. */
    static synchronized String generateRegisteredKey(String party, KeyPurpose purpose) {
        var key = given().header("Authorization", bearer(party))
                .contentType("application/json")
                .body("{\"purpose\":\"" + purpose.wire() + "\"}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        register(party, Ed25519PublicKey.ofBase64Url(key.getString("publicKey")), purpose);
        String keyId = key.getString("keyId");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().header("Authorization", bearer(party))
                        .get("/v1/keys/" + keyId)
                        .jsonPath()
                        .getString("ledgerStatus")
                        .equals("REGISTERED"));
        return keyId;
    }

    static void register(String party, Ed25519PublicKey publicKey, KeyPurpose purpose) {
        var added = new KeyAdded(
                LEDGER.header(EventType.KEY_ADDED, TestLedger.OPERATOR.value()), PartyId.of(party), publicKey, purpose);
        LedgerTopic.append(List.of(LEDGER.sign(TestLedger.OPERATOR.value(), added)));
    }
}
