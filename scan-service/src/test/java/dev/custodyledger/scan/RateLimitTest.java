package dev.custodyledger.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
@TestProfile(RateLimitTest.Strict.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class RateLimitTest {
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("custody.verify.rate-limit.per-second", "0.01", "custody.verify.rate-limit.burst", "3");
        }
    }

    @Test
    void theFourthVerifyOfABurstOfThreeIsTooManyAndSaysWhenToRetry() {
        String code = "(01)09506000134352(21)ANY1";
        for (int i = 0; i < 3; i++) {
            given().queryParam("code", code).get("/v1/verify").then().statusCode(200);
        }
        given().queryParam("code", code)
                .get("/v1/verify")
                .then()
                .statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", equalTo("100"));
        given().get("/v1/ledger/head").then().statusCode(200);
    }
}
