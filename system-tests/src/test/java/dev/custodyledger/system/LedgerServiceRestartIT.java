package dev.custodyledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ledger-service is restarted twice with submissions in flight: once gracefully (SIGTERM), once with SIGKILL.
 * Every client gets an outcome or an error, never silence; clients that resend what failed end with every
 * event in the ledger exactly once, and every event acknowledged along the way is there.
 */
@Tag("fault")
@Timeout(600)
class LedgerServiceRestartIT {
    static final int HANDOFFS = 1_500;

    final CustodySystem system = CustodySystem.create("ledger-restart");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void clientsGetAnOutcomeOrAnErrorAndNothingAcknowledgedIsLost() throws Exception {
        List<SignedEvent> handoffs = system.commissionedHandoffs("9100005", HANDOFFS);
        system.ledgerService.start();

        try (var ingest = Ingest.start(system, system.ledgerService, handoffs, 8, Duration.ofSeconds(120))) {
            restartWithRequestsInFlight(ingest, 200, system.ledgerService::stop);
            restartWithRequestsInFlight(ingest, 700, system.ledgerService::kill);
            ingest.finish();
            System.out.println("answers after two restarts: " + ingest.tally() + ", " + ingest.failedAttempts()
                    + " attempts failed and were sent again");
            assertThat(ingest.answers).hasSize(HANDOFFS);
            assertThat(ingest.failedAttempts())
                    .as("the restarts cut clients off")
                    .isPositive();
            assertThat(ingest.answers.values())
                    .as("after resending, every event has an outcome")
                    .allMatch(Ingest.Answer::acknowledged);
        }

        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        system.head(system.ledgerService).path("projectedSeq").asLong()
                                == system.audit().outcomes().size());
        var audit = system.audit();
        var perEvent = audit.recordsPerEvent();
        assertThat(perEvent.values()).as("no event twice in the log").allMatch(n -> n == 1);
        handoffs.forEach(e -> assertThat(perEvent).containsEntry(e.id().toString(), 1));
        assertThat(audit.outcomes()).allMatch(o -> o.accepted());
        assertThat(system.head(system.ledgerService).path("stateDigest").asText())
                .isEqualTo(audit.digest());
        assertThat(system.count(CustodySystem.LEDGER_DB, "select count(*) from unit_history"))
                .isEqualTo(2L * HANDOFFS);
    }

    /** Waits for {@code after} answers, then stops the service while requests are in flight, and starts it. */
    private void restartWithRequestsInFlight(Ingest ingest, int after, Runnable stop) {
        await().atMost(Duration.ofSeconds(120)).until(() -> ingest.submitted() >= after);
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.inFlight() > 0);
        stop.run();
        assertThat(ingest.submitted()).as("stopped during ingest").isLessThan(HANDOFFS);
        system.ledgerService.start();
    }
}
