package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static dev.custodyledger.ledger.LedgerApi.accept;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.fold.FoldService;
import dev.custodyledger.fold.NotCurrentException;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class RestartAndRebuildTest {
    static final int UNITS = 600;
    /** Stock enough that the fold's state is several generations of the store's. */
    static final int STOCK = 12_000;

    @Inject
    FoldService service;

    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    final String brand = "maker-" + run;
    final String depot = "depot-" + run;
    final String prefix = "97" + (10000 + Math.floorMod(run.hashCode(), 89999));

    @Test
    void aReplicaThatLosesWhatItHasNotCommittedResumesFromItsStateStoreAndAgreesWithAnAuditor() throws Exception {
        accept(TestLedger.concat(
                ledger.onboard(brand, Role.PRODUCER, prefix), ledger.onboard(depot, Role.DISTRIBUTOR)));
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(gtin(prefix, 3), "R" + i + "x" + run));
        }
        accept(ledger.commission(brand, "L1", units));
        for (int batch = 0; batch < STOCK / 1000; batch++) {
            List<ItemCode> stock = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                stock.add(item(gtin(prefix, 4), "S" + batch + "x" + i + "x" + run));
            }
            accept(ledger.commission(brand, "L2", stock));
        }
        List<SignedEvent> handoffs =
                units.stream().map(u -> ledger.handoff(brand, depot, u)).toList();
        List<SignedEvent> receipts =
                units.stream().map(u -> ledger.receive(depot, u)).toList();

        batch(handoffs.subList(0, UNITS / 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> service.engine().committedSeq() > UNITS / 4);
        restoreFromStore(handoffs.get(UNITS / 2)); // what is not committed is gone, as after a crash
        batch(handoffs.subList(UNITS / 2, UNITS));
        restoreFromStore(receipts.get(0));
        batch(receipts);

        JsonPath head = caughtUpHead();
        assertThat(head.getString("stateDigest")).isEqualTo(auditorDigest());
        long firstSeq =
                given().get("/v1/events/" + handoffs.get(0).id()).jsonPath().getLong("seq");
        long answeredSeq = given().contentType(ContentType.JSON)
                .body(handoffs.get(0).envelopeBytes())
                .post("/v1/events")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("seq");
        assertThat(answeredSeq)
                .as("an event resubmitted after two restores is answered as the fold first decided it")
                .isEqualTo(firstSeq);
        assertThat(caughtUpHead().getLong("seq")).as("and appended nothing").isEqualTo(head.getLong("seq"));
        assertNoRowMissingOrDoubled(head.getLong("seq"));
        assertThat(LedgerApi.unit(units.get(UNITS - 1).path()).jsonPath().getString("custodian"))
                .isEqualTo(depot);

        List<String> historyBefore =
                LedgerApi.history(units.get(7).path()).jsonPath().getList("entries.eventId");
        execute("insert into unit_party values ('stray-row-" + run + "', 'nobody')");
        service.engine().rebuild();
        List<String> overstated = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> {
                    recordOverstatedPosition(overstated);
                    assertThat(countRows("select count(*) from unit_party where unit_code = 'stray-row-" + run + "'"))
                            .as("the rebuild dropped everything first")
                            .isZero();
                });
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> {
                    recordOverstatedPosition(overstated);
                    assertThat(countRows("select count(*) from ledger_record")).isEqualTo(head.getLong("seq"));
                });
        assertThat(overstated)
                .as("positions reported (readiness, lag) beyond the rows the read model held")
                .isEmpty();
        JsonPath rebuilt = caughtUpHead();
        assertThat(rebuilt.getString("stateDigest")).isEqualTo(head.getString("stateDigest"));
        assertNoRowMissingOrDoubled(rebuilt.getLong("seq"));
        assertThat(LedgerApi.history(units.get(7).path()).jsonPath().getList("entries.eventId"))
                .isEqualTo(historyBefore);
    }

    /**
     * Notes when the reported position is ahead of the rows on both sides of reading it: the rows are counted
     * before and after, so a drop in between cannot make a truthful position look overstated.
     */
    private void recordOverstatedPosition(List<String> overstated) throws Exception {
        long before = countRows("select count(*) from ledger_record");
        long reported = service.engine().head().projectedSeq();
        long after = countRows("select count(*) from ledger_record");
        if (reported > before && reported > after) {
            overstated.add(reported + " reported with " + before + " then " + after + " rows");
        }
    }

    /**
     * Restores, checks that intake holds off meanwhile (also a pre-check that looked at the fold before the rewind
     * began), and waits until the fold is back where it was.
     */
    private void restoreFromStore(SignedEvent next) {
        service.engine().restoreFromStore();
        assertThat(service.engine().current())
                .as("a rewound fold does not pre-check")
                .isFalse();
        assertThatThrownBy(() -> service.engine().precheck(next, Instant.now()))
                .as("the pre-check itself refuses to decide on a rewound fold")
                .isInstanceOf(NotCurrentException.class);
        await().atMost(Duration.ofSeconds(60)).until(service.engine()::current);
    }

    private static void batch(List<SignedEvent> events) {
        String body = events.stream()
                .map(e -> new String(e.envelopeBytes(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(",", "[", "]"));
        var statuses = given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results.status", Integer.class);
        assertThat(statuses).allMatch(s -> s == 201 || s == 202);
    }

    private JsonPath caughtUpHead() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath h = given().get("/v1/ledger/head").jsonPath();
            // The ledger's last offset may hold a transaction marker (ADR 24): compare records, not offsets.
            return h.getLong("seq") == h.getLong("projectedSeq") && h.getLong("seq") == auditorSeq();
        });
        return given().get("/v1/ledger/head").jsonPath();
    }

    /** What an auditor computes: every record of the topic, signatures re-verified, folded from genesis. */
    private String auditorDigest() {
        return (LedgerReplay.replay(Infrastructure.kafka().bootstrapServers(), ledger.anchor(), LedgerRules.DEFAULT)
                        .state())
                .commitment();
    }

    private long auditorSeq() {
        return LedgerReplay.replay(Infrastructure.kafka().bootstrapServers(), ledger.anchor(), LedgerRules.DEFAULT)
                .state()
                .lastSeq();
    }

    private static void assertNoRowMissingOrDoubled(long seq) throws Exception {
        assertThat(countRows("select count(*) from ledger_record")).isEqualTo(seq);
        assertThat(countRows("select count(distinct seq) from ledger_record")).isEqualTo(seq);
        assertThat(countRows("select max(seq) from ledger_record")).isEqualTo(seq);
        assertThat(
                        countRows(
                                "select count(*) from unit_history h left join ledger_record r on r.seq = h.seq where r.seq is null"))
                .isZero();
    }

    private static void execute(String sql) {
        Infrastructure.database().execute("ledger", sql);
    }

    private static long countRows(String sql) {
        return Infrastructure.database().queryLong("ledger", sql);
    }
}
