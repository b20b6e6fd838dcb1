package dev.custodyledger.system;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ledger-service, scan-service and the auditor fold a log of more than 100,000 records holding every event type
 * (registry changes, commissions into three lots, cases packed, handed on, refused, received and unpacked,
 * single units moved, sold, recalled one by one and by lot, reported stolen, destroyed and expired, and
 * rejected events): all three end on the same state commitment, each service's from its own RocksDB store.
 */
@Tag("fault")
@Timeout(900)
class DigestsAgreeOnALargeLogIT {
    static final String PREFIX = "9100003";
    static final int UNITS = 25_000;
    static final int CASES = 300;
    static final int PER_CASE = 10;

    final CustodySystem system = CustodySystem.create("large-log");

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void ledgerScanAndTheAuditorAgreeOnTheCommitmentOfALargeLogOfEveryEventType() throws Exception {
        List<SignedEvent> log = log(system.ledger);
        assertThat(log.size()).isGreaterThanOrEqualTo(100_000);
        system.append(log);

        system.ledgerService.startAlive();
        system.scanService.startAlive();
        await().atMost(Duration.ofSeconds(600))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        system.head(system.scanService).path("projectedSeq").asLong() == log.size()
                                && system.head(system.ledgerService)
                                                .path("projectedSeq")
                                                .asLong()
                                        == log.size());

        CustodySystem.Audit audit = system.audit();
        Set<EventType> types = audit.outcomes().stream()
                .filter(o -> o.type() != null && o.accepted())
                .map(Outcome::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        assertThat(types).as("every event type accepted at least once").containsExactlyInAnyOrder(EventType.values());
        assertThat(audit.outcomes()).as("and some rejected").anyMatch(o -> !o.accepted());
        String ledger = system.head(system.ledgerService).path("stateDigest").asText();
        assertThat(system.head(system.scanService).path("stateDigest").asText()).isEqualTo(ledger);
        assertThat(audit.digest()).isEqualTo(ledger);
    }

    private static List<SignedEvent> log(TestLedger ledger) {
        List<SignedEvent> log = new ArrayList<>(TestLedger.concat(
                ledger.onboard("maker", Role.PRODUCER, PREFIX),
                ledger.onboard("carrier", Role.LOGISTICS),
                ledger.onboard("depot", Role.DISTRIBUTOR),
                ledger.onboard("shop", Role.RETAILER),
                ledger.onboard("rival", Role.PRODUCER, "9100004")));
        var spare = TestLedger.key("maker/spare");
        log.add(ledger.addKey("maker", spare, KeyPurpose.CUSTODY));
        log.add(ledger.revokeKey("maker", spare));

        Gtin formula = gtin(PREFIX, 1);
        List<ItemCode> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(item(formula, "G" + i));
        }
        for (int i = 0; i < UNITS; i += 1000) {
            log.add(ledger.commission("maker", "L" + i / 7000, units.subList(i, i + 1000)));
        }
        // Cases: packed by the maker, handed to the carrier, the first tenth refused once, then received,
        // handed to the depot, received and unpacked there.
        List<ContainerCode> cases = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            ContainerCode box = container(PREFIX, c + 1);
            cases.add(box);
            log.add(ledger.pack(
                    "maker",
                    box,
                    units.subList(c * PER_CASE, (c + 1) * PER_CASE).toArray(ItemCode[]::new)));
        }
        for (int c = 0; c < CASES; c++) {
            log.add(ledger.handoff("maker", "carrier", cases.get(c)));
            if (c < CASES / 10) {
                log.add(ledger.refuse("carrier", cases.get(c)));
                log.add(ledger.handoff("maker", "carrier", cases.get(c)));
            }
            log.add(ledger.receive("carrier", cases.get(c)));
            log.add(ledger.handoff("carrier", "depot", cases.get(c)));
            log.add(ledger.receive("depot", cases.get(c)));
            log.add(ledger.unpack("depot", cases.get(c)));
        }
        // Single units from the maker to the depot, then everything at the depot to the shop.
        List<ItemCode> loose = units.subList(CASES * PER_CASE, UNITS);
        loose.forEach(u -> log.add(ledger.handoff("maker", "depot", u)));
        loose.forEach(u -> log.add(ledger.receive("depot", u)));
        units.forEach(u -> log.add(ledger.handoff("depot", "shop", u)));
        units.forEach(u -> log.add(ledger.receive("shop", u)));
        // Sold, recalled, reported; and events the fold must refuse.
        units.subList(0, 8000).forEach(u -> log.add(ledger.sell("shop", u)));
        units.subList(8000, 8100).forEach(u -> log.add(ledger.recallUnits("maker", u)));
        log.add(ledger.recallLot("maker", formula, "L2"));
        units.subList(8100, 8150).forEach(u -> log.add(ledger.report("shop", Disposition.STOLEN, u)));
        units.subList(8150, 8200).forEach(u -> log.add(ledger.report("shop", Disposition.DESTROYED, u)));
        units.subList(8200, 8250).forEach(u -> log.add(ledger.report("maker", Disposition.EXPIRED, u)));
        units.subList(8000, 8100).forEach(u -> log.add(ledger.sell("shop", u))); // recalled: RECALLED_UNIT
        log.addAll(log.subList(log.size() - 500, log.size())); // resubmitted: DUPLICATE
        log.add(ledger.suspend("rival"));
        return log;
    }
}
