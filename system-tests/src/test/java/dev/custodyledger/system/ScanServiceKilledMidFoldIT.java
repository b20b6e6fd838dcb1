package dev.custodyledger.system;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * scan-service is killed with SIGKILL while it folds a log of 50,000 events and started again: it must end
 * on ledger-service's digest (and the auditor's), with exactly one view per unit and one journey step per
 * move.
 */
@Tag("fault")
@Timeout(600)
class ScanServiceKilledMidFoldIT {
    static final int UNITS = 10_000;

    final CustodySystem system = CustodySystem.create("scan-kill");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void scanServiceKilledWhileFolding50000EventsResumesOnLedgerServicesDigest() throws Exception {
        List<SignedEvent> log = journeys(system.ledger);
        assertThat(log.size()).isGreaterThanOrEqualTo(50_000);
        system.append(log);

        system.ledgerService.startAlive();
        system.scanService.startAlive();
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> projected() >= 2_000);
        system.scanService.kill();
        long atKill = projected();
        assertThat(atKill).as("killed mid-log").isLessThan(log.size());

        system.scanService.start();
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        system.head(system.scanService).path("projectedSeq").asLong() == log.size()
                                && system.head(system.ledgerService).path("seq").asLong() == log.size());

        String digest = system.head(system.scanService).path("stateDigest").asText();
        assertThat(digest)
                .isEqualTo(system.head(system.ledgerService).path("stateDigest").asText());
        assertThat(digest).isEqualTo(system.audit().digest());
        assertThat(system.count(CustodySystem.SCAN_DB, "select count(*) from unit_view"))
                .isEqualTo(UNITS);
        assertThat(system.count(
                        CustodySystem.SCAN_DB, "select coalesce(sum(jsonb_array_length(journey)), 0) from unit_view"))
                .as("commission, two handoffs, two receipts and a sale per unit, once each")
                .isEqualTo(6L * UNITS);
        assertThat(system.count(CustodySystem.SCAN_DB, "select count(*) from unit_view where status = 'SOLD'"))
                .isEqualTo(UNITS);
    }

    private long projected() {
        return system.count(CustodySystem.SCAN_DB, "select coalesce(max(seq), 0) from projection_position");
    }

    /** Every unit commissioned, handed to a depot, received, handed to a shop, received and sold. */
    private static List<SignedEvent> journeys(TestLedger ledger) {
        List<SignedEvent> log = new ArrayList<>(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, "9100002"),
                ledger.onboard("depot", Role.DISTRIBUTOR),
                ledger.onboard("shop", Role.RETAILER)));
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(gtin("9100002", 1), "F" + i));
        }
        for (int i = 0; i < UNITS; i += 1000) {
            log.add(ledger.commission("maker", "L1", units.subList(i, i + 1000)));
        }
        units.forEach(u -> log.add(ledger.handoff("maker", "depot", u)));
        units.forEach(u -> log.add(ledger.receive("depot", u)));
        units.forEach(u -> log.add(ledger.handoff("depot", "shop", u)));
        units.forEach(u -> log.add(ledger.receive("shop", u)));
        units.forEach(u -> log.add(ledger.sell("shop", u)));
        return log;
    }
}
