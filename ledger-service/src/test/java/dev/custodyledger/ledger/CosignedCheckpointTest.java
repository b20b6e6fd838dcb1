package dev.custodyledger.ledger;

import static dev.custodyledger.ledger.LedgerApi.accept;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.LogPolicy;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.fold.FoldService;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.Infrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log with two witnesses as separate processes and a quorum of two: what {@code /tlog/checkpoint} serves is
 * cosigned by both; while one is down the log goes on signing but serves nothing newer; a witness started again on
 * its state file catches up from the size it remembers.
 */
@QuarkusTest
@WithTestResource(
        value = CustodyInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "ledger_witnessed"))
@WithTestResource(WitnessProcesses.class)
class CosignedCheckpointTest {
    @Inject
    FoldService service;

    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /** A test class with other resources starts another application, which first folds what earlier ones left. */
    @BeforeEach
    void caughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> service.engine().current());
    }

    @Test
    void theServedCheckpointIsCosignedByTheQuorumAndAWitnessThatWasDownCatchesUp() throws Exception {
        var policy = new LogPolicy(
                TransparencyLogTest.LOG,
                WitnessProcesses.WITNESSES.stream().map(w -> w.verifier).toList(),
                2);
        register("first");
        Checkpoint cosigned = servedOfEverything(policy);

        WitnessProcesses.One second = WitnessProcesses.WITNESSES.get(1);
        second.kill();
        register("while-down");
        long head = LedgerApi.headSeq();
        await().atMost(Duration.ofSeconds(20)).until(() -> newestSigned() >= head);
        assertThat(served(policy).size())
                .as("nothing newer is served without the quorum")
                .isEqualTo(cosigned.size());

        second.start();
        Checkpoint caughtUp = servedOfEverything(policy);
        assertThat(caughtUp.size()).isGreaterThanOrEqualTo(head);
    }

    private void register(String name) {
        accept(ledger.register(name + "-" + run, List.of(Role.RETAILER)));
    }

    private static Checkpoint servedOfEverything(LogPolicy policy) {
        long head = LedgerApi.headSeq();
        await().atMost(Duration.ofSeconds(30)).until(() -> served(policy).size() >= head);
        return served(policy);
    }

    /** The served checkpoint, checked against the policy: the log's signature and both cosignatures. */
    private static Checkpoint served(LogPolicy policy) {
        var response = given().get("/tlog/checkpoint");
        if (response.statusCode() == 404) {
            return new Checkpoint(policy.log().name(), 0, new byte[32]);
        }
        try {
            return policy.check(
                    SignedNote.parse(response.then().statusCode(200).extract().asString()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long newestSigned() {
        return Infrastructure.database()
                .queryLong("ledger_witnessed", "select coalesce(max(size), 0) from tlog_checkpoint");
    }
}
