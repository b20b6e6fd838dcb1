package dev.custodyledger.label;

import static dev.custodyledger.label.LabelLedger.ACME;
import static dev.custodyledger.label.LabelLedger.SHOP;
import static dev.custodyledger.label.LabelLedger.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(LabelInfrastructure.class)
class KeysTest {
    @BeforeEach
    void onboard() {
        LabelLedger.ensureOnboarded();
    }

    @Test
    void aGeneratedKeyShowsItsPublicHalfAndTheOperatorsCommandButNeverItsPrivateHalf() {
        String body = given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body("{\"purpose\":\"label\"}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/keys/ed25519:"))
                .body("purpose", equalTo("label"))
                .body("ledgerStatus", equalTo("NOT_REGISTERED"))
                .body("register", startsWith("custody operator add-key --party " + ACME + " --purpose label"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("PRIVATE");

        long plain = Infrastructure.database()
                .queryLong(
                        "label",
                        "select count(*) from producer_key where encrypted_pem not like"
                                + " '-----BEGIN ENCRYPTED PRIVATE KEY-----%'");
        assertThat(plain).as("keys stored unencrypted").isZero();
    }

    @Test
    void anImportedKeyIsHeldOnceAndItsPublicPemIsExportable() {
        var key = Ed25519PrivateKey.generate();
        String pem = KeyPem.encryptedPrivateKey(key, "import-pass".toCharArray(), 1_000);
        String request = "{\"purpose\":\"custody\",\"privateKeyPem\":" + json(pem) + ",\"passphrase\":\"import-pass\"}";

        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body(request)
                .post("/v1/keys/import")
                .then()
                .statusCode(201)
                .body("keyId", equalTo(key.keyId().value()))
                .body("origin", equalTo("imported"));
        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body(request)
                .post("/v1/keys/import")
                .then()
                .statusCode(409)
                .body("code", equalTo("KEY_EXISTS"));

        String exported = given().header("Authorization", bearer(ACME))
                .get("/v1/keys/" + key.keyId().value() + "/public.pem")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(KeyPem.parsePublicKey(exported)).isEqualTo(key.publicKey());
        given().header("Authorization", bearer(LabelLedger.RIVAL))
                .get("/v1/keys/" + key.keyId().value())
                .then()
                .statusCode(404);
    }

    @Test
    void aWrongPassphraseOrAnythingButAnEd25519KeyIsRefusedAndNothingIsStored() {
        long before = Infrastructure.database().queryLong("label", "select count(*) from producer_key");
        String pem = KeyPem.encryptedPrivateKey(Ed25519PrivateKey.generate(), "right".toCharArray(), 1_000);

        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body("{\"purpose\":\"label\",\"privateKeyPem\":" + json(pem) + ",\"passphrase\":\"wrong\"}")
                .post("/v1/keys/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("KEY_FORMAT"));
        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body(
                        "{\"purpose\":\"label\",\"privateKeyPem\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}")
                .post("/v1/keys/import")
                .then()
                .statusCode(400)
                .body("code", equalTo("KEY_FORMAT"));
        given().header("Authorization", bearer(ACME))
                .contentType("application/json")
                .body("{\"purpose\":\"operator\"}")
                .post("/v1/keys")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"));
        assertThat(Infrastructure.database().queryLong("label", "select count(*) from producer_key"))
                .isEqualTo(before);
    }

    @Test
    void onlyAProducerWithAValidCredentialHoldsKeys() {
        given().contentType("application/json")
                .body("{\"purpose\":\"label\"}")
                .post("/v1/keys")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", bearer(SHOP))
                .get("/v1/keys")
                .then()
                .statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        String forged = bearer(ACME).substring(0, bearer(ACME).length() - 4) + "AAAA";
        given().header("Authorization", forged).get("/v1/keys").then().statusCode(401);
    }

    @Test
    void aKeyTheOperatorRegisteredIsShownAsRegistered() {
        String keyId = LabelLedger.generateRegisteredKey(ACME, KeyPurpose.CUSTODY);

        given().header("Authorization", bearer(ACME))
                .get("/v1/keys/" + keyId)
                .then()
                .statusCode(200)
                .body("ledgerStatus", equalTo("REGISTERED"))
                .body("register", org.hamcrest.Matchers.nullValue());
    }

    private static String json(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
