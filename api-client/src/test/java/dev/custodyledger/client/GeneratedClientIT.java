package dev.custodyledger.client;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.client.api.EventIntakeResourceApi;
import dev.custodyledger.client.api.UnitResourceApi;
import dev.custodyledger.client.model.EventOutcome;
import dev.custodyledger.client.model.SignedEnvelope;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey's first steps through a client generated from ledger-service's OpenAPI document and nothing
 * else: what a partner's code generator makes of the contract has to work against the real service.
 */
class GeneratedClientIT {
    static final TestLedger LEDGER = TestLedger.startingNow();
    static ServiceProcess ledgerService;
    static ApiClient client;
    static EventIntakeResourceApi intake;

    @BeforeAll
    static void start() {
        ledgerService = ServiceProcess.of(
                        "ledger-service",
                        "ledger_client",
                        LEDGER.operatorKey().publicKey().base64Url(),
                        Path.of("target"))
                .start();
        client = new ApiClient();
        client.updateBaseUri(ledgerService.url());
        intake = new EventIntakeResourceApi(client);
    }

    @AfterAll
    static void stop() {
        ledgerService.stop();
    }

    private static SignedEnvelope envelope(SignedEvent event) throws Exception {
        return client.getObjectMapper().readValue(event.envelopeBytes(), SignedEnvelope.class);
    }

    @Test
    void aPartnerCommissionsAndReadsAUnitWithTheGeneratedClientAlone() throws Exception {
        String brand = "gen-brand";
        String prefix = "9512345";
        Gtin formula = gtin(prefix, 1);
        ItemCode tin = item(formula, "GEN1");

        for (SignedEvent registry : LEDGER.onboard(brand, Role.PRODUCER, prefix)) {
            EventOutcome registered = intake.submit(envelope(registry));
            assertThat(registered.getOutcome()).isEqualTo("ACCEPTED");
        }
        SignedEvent commission = LEDGER.commission(brand, "L1", tin);
        EventOutcome commissioned = intake.submit(envelope(commission));
        assertThat(commissioned.getEventId()).isEqualTo(commission.id().toString());
        assertThat(commissioned.getSeq()).isPositive();

        String token = new PartyCredential(
                        PartyId.of(brand),
                        List.of(Role.PRODUCER),
                        Instant.now().minusSeconds(5),
                        Instant.now().plus(Duration.ofMinutes(10)),
                        "generated-client")
                .sign(LEDGER.operatorKey());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        var unit = new UnitResourceApi(client).unitOfItem(formula.value(), "GEN1");
        assertThat(unit.getCustodian()).isEqualTo(brand);

        SignedEvent foreign = LEDGER.handoff("gen-stranger", brand, tin);
        assertThatThrownBy(() -> intake.submit(envelope(foreign))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(403);
            JsonNode problem = readTree(e.getResponseBody());
            assertThat(problem.path("code").asText()).isEqualTo("UNKNOWN_PARTY");
            assertThat(problem.path("disposition").asText()).isEqualTo("refused");
        });
    }

    private static JsonNode readTree(String body) {
        try {
            return client.getObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("the problem body is not JSON: " + body, e);
        }
    }
}
