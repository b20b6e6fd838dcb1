package dev.custodyledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two ledger-service replicas on one log, each handed the same event at the same moment, as a front retrying on
 * the other replica or a client resubmitting there does: both take it, and it is in the log once (ADR 24).
 */
@Tag("fault")
@Timeout(300)
class ReplicasAppendOnceIT {
    static final int HANDOFFS = 300;

    final CustodySystem system = CustodySystem.create("replicas-append-once");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void anEventSubmittedToTwoReplicasAtOnceIsInTheLogOnce() throws Exception {
        List<SignedEvent> handoffs = system.commissionedHandoffs("9100007", HANDOFFS);
        ServiceProcess first = system.ledgerService.replica("ledger-service-a").start();
        ServiceProcess second = system.ledgerService.replica("ledger-service-b").start();
        try {
            for (SignedEvent e : handoffs) {
                var one = CompletableFuture.supplyAsync(() -> submit(first, e));
                var other = CompletableFuture.supplyAsync(() -> submit(second, e));
                assertThat(List.of(one.join(), other.join()))
                        .as("both replicas take it (201, or 202 when the fold is slow)")
                        .allMatch(status -> status == 201 || status == 202);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> system.audit().outcomes().size() >= 2 + 2 + 1 + HANDOFFS);
            var perEvent = system.audit().recordsPerEvent();
            var notOnce = handoffs.stream()
                    .map(e -> e.id().toString())
                    .filter(id -> perEvent.getOrDefault(id, 0) != 1)
                    .toList();
            assertThat(notOnce).as("events not in the log exactly once").isEmpty();
        } finally {
            first.kill();
            second.kill();
        }
    }

    private int submit(ServiceProcess replica, SignedEvent event) {
        try {
            return system.post(replica, "/v1/events", event.envelopeBytes()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
