package dev.custodyledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka broker is killed (SIGKILL) and started again while clients submit handoffs. Every event
 * acknowledged 201/202 must be in the ledger exactly once; no event may be there twice; for every event that
 * was not acknowledged, the service's status answer must agree with the log (found there, or 404). A client
 * that resubmits what was not acknowledged ends with every event in the ledger once.
 */
@Tag("fault")
@Timeout(600)
class KafkaRestartDuringIngestIT {
    static final int HANDOFFS = 800;

    final CustodySystem system = CustodySystem.create("kafka-restart");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void everyAcknowledgedEventIsInTheLedgerOnceAfterTheBrokerRestarts() throws Exception {
        List<SignedEvent> handoffs = system.commissionedHandoffs("9100003", HANDOFFS);
        system.ledgerService.start();
        // Ready means settled: the lease was decided before the fold restored, so no second restore (when the lease
        // arrives) refuses submissions with 503 after readiness, which once took the place of this test's broker kill.
        assertThat(system.readinessCheck(system.ledgerService, "ledger-fold")
                        .path("data")
                        .path("writesProjections")
                        .asBoolean())
                .as("the only replica holds the projection lease when it reports ready")
                .isTrue();

        int atKill;
        try (var ingest = Ingest.start(system, system.ledgerService, handoffs, 4)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> ingest.submitted() >= 100);
            system.kafka.kill();
            atKill = ingest.submitted();
            Thread.sleep(2_000);
            system.kafka.restart();
            ingest.finish();
            assertThat(atKill).as("the broker died during ingest").isLessThan(HANDOFFS);
            assertThat(ingest.answers).hasSize(HANDOFFS);

            System.out.println("answers while the broker restarted: " + ingest.tally());
            awaitFoldAtLogEnd();
            var perEvent = system.audit().recordsPerEvent();
            assertThat(perEvent.values()).as("no event twice in the log").allMatch(n -> n == 1);
            List<SignedEvent> unacknowledged = new ArrayList<>();
            for (SignedEvent event : handoffs) {
                String id = event.id().toString();
                if (ingest.answers.get(id).acknowledged()) {
                    assertThat(perEvent).as("acknowledged " + id).containsEntry(id, 1);
                } else {
                    unacknowledged.add(event);
                    int status =
                            system.get(system.ledgerService, "/v1/events/" + id).statusCode();
                    assertThat(status == 404)
                            .as("status of unacknowledged " + id + " (" + ingest.answers.get(id)
                                    + ") agrees with the log")
                            .isEqualTo(!perEvent.containsKey(id));
                }
            }
            assertThat(HANDOFFS - unacknowledged.size()).as("acknowledged").isGreaterThan(atKill / 2);

            for (SignedEvent event : unacknowledged) {
                assertThat(system.post(system.ledgerService, "/v1/events", event.envelopeBytes())
                                .statusCode())
                        .isIn(201, 202);
            }
        }
        awaitFoldAtLogEnd();
        var audit = system.audit();
        var perEvent = audit.recordsPerEvent();
        handoffs.forEach(e -> assertThat(perEvent).containsEntry(e.id().toString(), 1));
        assertThat(audit.outcomes()).allMatch(o -> o.accepted());
        assertThat(system.head(system.ledgerService).path("stateDigest").asText())
                .isEqualTo(audit.digest());
    }

    private void awaitFoldAtLogEnd() {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    long end = system.audit().outcomes().size();
                    return system.head(system.ledgerService)
                                    .path("projectedSeq")
                                    .asLong()
                            == end;
                });
    }
}
