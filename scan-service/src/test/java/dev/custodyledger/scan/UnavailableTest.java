package dev.custodyledger.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With its database gone (a port where nothing listens), a verify answers UNAVAILABLE with 503, never UNKNOWN:
 * a shopper must not be told that a genuine product is counterfeit because a server is down.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@TestProfile(UnavailableTest.NoDatabase.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class UnavailableTest {
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String dead = "127.0.0.1:" + freePort() + "/scan";
            return Map.of(
                    "quarkus.datasource.reactive.url",
                    "postgresql://" + dead,
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://" + dead,
                    "quarkus.flyway.migrate-at-start",
                    "false",
                    "custody.verify.timeout",
                    "1s");
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aVerifyWithoutItsDatabaseIsUnavailableNeverUnknown() {
        given().accept("application/json")
                .queryParam("code", "(01)09506000134352(21)ANY1")
                .get("/v1/verify")
                .then()
                .statusCode(503)
                .body("verdict", equalTo("UNAVAILABLE"))
                .body("ledgerSeq", nullValue());
        given().accept("text/html")
                .get("/01/09506000134352/21/ANY1")
                .then()
                .statusCode(503)
                .body(containsString("Cannot check right now"));
        given().get("/q/health/ready").then().statusCode(503);
    }
}
