package dev.custodyledger.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiExamples;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document ledger-service serves describes the wire a partner's client must speak. */
@QuarkusTest
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class OpenApiDocumentTest {
    private static JsonNode document() throws Exception {
        return new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void aSignedEventIsTypedAsAnEnvelopeOverEveryEventTypeByItsTypeField() throws Exception {
        JsonNode doc = document();
        assertThat(doc.at("/paths/~1v1~1events/post/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/SignedEnvelope");
        JsonNode event = doc.at("/components/schemas/CustodyEvent");
        assertThat(event.at("/discriminator/propertyName").asText()).isEqualTo("type");
        List<String> mapped = new ArrayList<>();
        event.at("/discriminator/mapping").fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped)
                .containsExactlyInAnyOrder(
                        Arrays.stream(EventType.values()).map(Enum::name).toArray(String[]::new));
        assertThat(event.at("/oneOf")).hasSize(EventType.values().length);
    }

    @Test
    void errorsAreProblemsWithTheWholeVocabularyAndSuccessesNeverAre() throws Exception {
        JsonNode doc = document();
        List<String> codes = new ArrayList<>();
        doc.at("/components/schemas/Problem/properties/code/enum").forEach(c -> codes.add(c.asText()));
        assertThat(codes)
                .containsExactly(
                        Arrays.stream(ProblemCode.values()).map(Enum::name).toArray(String[]::new));
        doc.at("/paths")
                .forEach(path -> path.forEach(operation -> operation
                        .path("responses")
                        .fields()
                        .forEachRemaining(r -> {
                            List<String> types = new ArrayList<>();
                            r.getValue().path("content").fieldNames().forEachRemaining(types::add);
                            if (r.getKey().equals("default")
                                    || r.getKey().startsWith("4")
                                    || r.getKey().startsWith("5")) {
                                assertThat(types).as(r.getKey()).containsExactly("application/problem+json");
                            } else {
                                assertThat(types).as(r.getKey()).doesNotContain("application/problem+json");
                            }
                        })));
    }

    @Test
    void everyExampleInTheDocumentHoldsToItsSchema() throws Exception {
        JsonNode value =
                document().at("/paths/~1v1~1events/post/requestBody/content/application~1json/examples/handoff/value");
        assertThat(value.isTextual() ? value.asText() : value.toString()).contains("\"sig\"");
        assertThat(OpenApiExamples.check(RestAssured.baseURI + ":" + RestAssured.port))
                .isGreaterThanOrEqualTo(1);
    }
}
