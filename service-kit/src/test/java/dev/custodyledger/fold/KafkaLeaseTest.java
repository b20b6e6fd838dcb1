package dev.custodyledger.fold;

import static org.awaitility.Awaitility.await;

import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.kafka.TopicSpec;
import dev.custodyledger.testsupport.Infrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lease on a real broker: replicas joining and leaving one consumer group. */
class KafkaLeaseTest {
    private final KafkaAccess kafka =
            KafkaAccess.plaintext(Infrastructure.kafka().bootstrapServers());
    private final String group = "lease-test-" + UUID.randomUUID();

    /** Every replica of a service names its lease client the same, as the services do. */
    private KafkaLease lease() {
        return new KafkaLease(kafka, group, TopicSpec.LEDGER.name(), "test-lease");
    }

    @Test
    void aReplicaThatJoinsLeavesTheLeaseWithItsHolder() {
        try (var holder = lease()) {
            holder.awaitFirstDecision();
            await().atMost(Duration.ofSeconds(20)).until(holder::held);
            // Each newcomer is a restarted replica: taking the lease would stop the projections while both restore.
            for (int i = 0; i < 6; i++) {
                try (var newcomer = lease()) {
                    newcomer.awaitFirstDecision();
                    await().during(Duration.ofSeconds(2))
                            .atMost(Duration.ofSeconds(20))
                            .until(() -> holder.held() && !newcomer.held());
                }
            }
        }
    }

    @Test
    void theLeaseMovesToTheOtherReplicaWhenItsHolderLeaves() {
        KafkaLease a = lease();
        KafkaLease b = lease();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.held() != b.held());
        KafkaLease holder = a.held() ? a : b;
        KafkaLease other = holder == a ? b : a;
        holder.close();
        try {
            await().atMost(Duration.ofSeconds(20)).until(other::held);
        } finally {
            other.close();
        }
    }
}
