package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static dev.custodyledger.ledger.LedgerApi.accept;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole journey through the HTTP API, checking unit state and history at each step; every request and answer
 * is held to the OpenAPI document the service serves.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class CustodyJourneyTest {
    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    final String brand = "acme-" + run;
    final String carrier = "swift-" + run;
    final String distributor = "north-" + run;
    final String shop = "mart-" + run;
    final String prefix = "95" + (10000 + Math.floorMod(run.hashCode(), 89999));
    final Gtin formula = gtin(prefix, 1);
    final ItemCode tin1 = item(formula, "A" + run);
    final ItemCode tin2 = item(formula, "B" + run);
    final ItemCode tin3 = item(formula, "C" + run);
    final ContainerCode box = container(prefix, 1);
    final ContainerCode pallet = container(prefix, 2);

    @Test
    void aUnitTravelsFromFactoryToShelfAndEveryStepIsVisible() {
        accept(TestLedger.concat(
                ledger.onboard(brand, Role.PRODUCER, prefix),
                ledger.onboard(carrier, Role.LOGISTICS),
                ledger.onboard(distributor, Role.DISTRIBUTOR),
                ledger.onboard(shop, Role.RETAILER)));

        accept(ledger.commission(brand, "L1", tin1, tin2, tin3));
        LedgerApi.unit(tin1.path()).then().statusCode(200);
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("custodian"))
                .isEqualTo(brand);

        accept(ledger.pack(brand, box, tin1, tin2), ledger.pack(brand, pallet, box, tin3));
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("container"))
                .isEqualTo(box.path());
        assertThat(LedgerApi.unit(pallet.path()).jsonPath().getList("contents"))
                .containsExactly(box.path(), tin3.path());

        accept(ledger.handoff(brand, carrier, pallet));
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("custodian"))
                .as("in transit, the sender holds it")
                .isEqualTo(brand);
        accept(ledger.receive(carrier, pallet));
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("custodian"))
                .isEqualTo(carrier);

        accept(ledger.handoff(carrier, distributor, pallet), ledger.receive(distributor, pallet));
        accept(ledger.unpack(distributor, pallet), ledger.unpack(distributor, box));
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("container"))
                .isNull();
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("custodian"))
                .isEqualTo(distributor);

        accept(ledger.handoff(distributor, shop, tin1), ledger.receive(shop, tin1), ledger.sell(shop, tin1));
        assertThat(LedgerApi.unit(tin1.path()).jsonPath().getString("status")).isEqualTo("SOLD");

        accept(ledger.recallLot(brand, formula, "L1"));
        var unit = LedgerApi.unit(tin1.path()).jsonPath();
        assertThat(unit.getBoolean("recalled")).isTrue();
        assertThat(unit.getString("recallReason")).isEqualTo("contamination risk");
        assertThat(unit.getMap("product")).containsEntry("name", "Infant formula 800 g");

        List<String> expected = List.of(
                "COMMISSION",
                "PACK",
                "PACK",
                "HANDOFF",
                "RECEIVE",
                "HANDOFF",
                "RECEIVE",
                "UNPACK",
                "UNPACK",
                "HANDOFF",
                "RECEIVE",
                "SELL",
                "RECALL");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                LedgerApi.history(tin1.path()).jsonPath().getList("entries.type", String.class))
                        .isEqualTo(expected));
        var history = LedgerApi.history(tin1.path()).jsonPath();
        assertThat(history.getList("entries.viaContainer", Boolean.class))
                .containsExactly(false, false, true, true, true, true, true, true, true, false, false, false, false);
        assertThat(history.getString("entries[3].event.to")).isEqualTo(carrier);

        var party = given().get("/v1/parties/" + brand)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(party.getList("companyPrefixes")).containsExactly(prefix);
        assertThat(party.getList("keys.purpose")).containsExactly("custody");
    }
}
