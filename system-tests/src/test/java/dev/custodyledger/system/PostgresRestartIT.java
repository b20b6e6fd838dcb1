package dev.custodyledger.system;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL stops under the three running services while the ledger keeps growing. Each service must report
 * not-ready (and scan-service answer verifies UNAVAILABLE), then, once the database is back, become ready by
 * itself with every record of the log projected exactly once and the auditor's digest.
 */
@Tag("fault")
@Timeout(600)
class PostgresRestartIT {
    static final int UNITS = 2_000;

    final CustodySystem system = CustodySystem.create("postgres-restart");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void servicesReportNotReadyWhileTheDatabaseIsDownAndRecoverByThemselves() throws Exception {
        TestLedger ledger = system.ledger;
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(gtin("9100004", 1), "P" + i));
        }
        List<SignedEvent> log = new ArrayList<>(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, "9100004"), ledger.onboard("depot", Role.DISTRIBUTOR)));
        log.add(ledger.commission("maker", "L1", units));
        system.append(log);
        List<ServiceProcess> services = List.of(system.ledgerService, system.scanService, system.labelService);
        services.forEach(ServiceProcess::start);

        system.database.stop();
        List<SignedEvent> whileDown =
                units.stream().map(u -> ledger.handoff("maker", "depot", u)).toList();
        system.append(whileDown);
        for (ServiceProcess service : services) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(system.readiness(service))
                            .as(service.url() + " readiness while PostgreSQL is down")
                            .isEqualTo(503));
        }
        var verify = system.get(system.scanService, "/" + units.get(0).path());
        assertThat(verify.statusCode()).isEqualTo(503);
        assertThat(verify.body()).contains("UNAVAILABLE");

        system.database.restart();
        long end = log.size() + whileDown.size();
        for (ServiceProcess service : services) {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(system.readiness(service))
                            .as(service.url() + " readiness after PostgreSQL is back")
                            .isEqualTo(200));
        }
        for (ServiceProcess service : List.of(system.ledgerService, system.scanService)) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> system.head(service).path("projectedSeq").asLong() == end);
        }

        String digest = system.audit().digest();
        assertThat(system.head(system.ledgerService).path("stateDigest").asText())
                .isEqualTo(digest);
        assertThat(system.head(system.scanService).path("stateDigest").asText()).isEqualTo(digest);
        assertThat(system.count(CustodySystem.LEDGER_DB, "select count(*) from ledger_record"))
                .isEqualTo(end);
        assertThat(system.count(CustodySystem.LEDGER_DB, "select count(*) from unit_history"))
                .isEqualTo(2L * UNITS);
        assertThat(system.count(
                        CustodySystem.SCAN_DB, "select coalesce(sum(jsonb_array_length(journey)), 0) from unit_view"))
                .isEqualTo(2L * UNITS);
        assertThat(system.count(CustodySystem.SCAN_DB, "select count(*) from unit_view where in_transit"))
                .isEqualTo(UNITS);
        var after = system.get(system.scanService, "/" + units.get(0).path());
        assertThat(after.statusCode()).isEqualTo(200);
    }
}
