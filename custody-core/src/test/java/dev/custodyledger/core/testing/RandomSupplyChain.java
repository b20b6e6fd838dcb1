package dev.custodyledger.core.testing;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;

import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random logs of a small supply chain (four parties, eight units, every event type, keys added and revoked,
 * resubmissions and skewed clocks), for the fold's properties on every store.
 */
public final class RandomSupplyChain {
    private RandomSupplyChain() {}

    public static final String[] PARTIES = {"acme-foods", "swift-logistics", "fresh-mart", "rival-brands"};
    public static final List<UnitCode> UNITS = new ArrayList<>();

    static {
        var formula = gtin(TestLedger.BRAND_PREFIX, 7);
        for (String serial : List.of("A1", "B2", "C3", "D4", "E5")) {
            UNITS.add(item(formula, serial));
        }
        UNITS.add(item(gtin("4000001", 3), "R1"));
        UNITS.add(container(TestLedger.BRAND_PREFIX, 1));
        UNITS.add(container(TestLedger.BRAND_PREFIX, 2));
    }

    /** One step of a random supply chain; indices are taken modulo the universe's sizes. */
    public record Step(int kind, int actor, int target, List<Integer> units, int skewMinutes) {}

    /** Random supply chains of 6 to 40 steps. */
    public static Arbitrary<List<Step>> logs() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, PARTIES.length - 1),
                        Arbitraries.integers().between(0, PARTIES.length - 1),
                        Arbitraries.integers()
                                .between(0, UNITS.size() - 1)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .uniqueElements(),
                        Arbitraries.integers().between(-8, 8))
                .as(Step::new);
        return step.list().ofMinSize(6).ofMaxSize(40);
    }

    /** The registry, a first commission, then the steps, as records of a log. */
    public static List<LedgerRecord> build(List<Step> steps) {
        var ledger = new TestLedger();
        List<SignedEvent> events = new ArrayList<>(TestLedger.concat(
                ledger.onboard(PARTIES[0], Role.PRODUCER, TestLedger.BRAND_PREFIX),
                ledger.onboard(PARTIES[1], Role.LOGISTICS),
                ledger.onboard(PARTIES[2], Role.RETAILER),
                ledger.onboard(PARTIES[3], Role.PRODUCER, "4000001")));
        // Live units from the start, so that random steps mostly meet units that exist.
        events.add(ledger.commission(
                PARTIES[0],
                "L0",
                UNITS.subList(0, 3).stream().map(ItemCode.class::cast).toList()));
        List<Instant> times = new ArrayList<>();
        events.forEach(e -> times.add(ledger.now()));
        for (Step s : steps) {
            // Half of the steps are taken by the brand, which holds the units at the start.
            String actor = PARTIES[s.actor() % 2 == 0 ? 0 : s.actor()];
            String target = PARTIES[s.target()].equals(actor)
                    ? PARTIES[(s.target() + 1) % PARTIES.length]
                    : PARTIES[s.target()];
            List<UnitCode> units = s.units().stream().map(UNITS::get).toList();
            List<ItemCode> items = units.stream()
                    .filter(ItemCode.class::isInstance)
                    .map(ItemCode.class::cast)
                    .toList();
            UnitCode first = units.get(0);
            SignedEvent event = switch (s.kind()) {
                case 0 -> items.isEmpty() ? null : ledger.commission(actor, "L" + (s.target() % 2), items);
                case 1 ->
                    first instanceof dev.custodyledger.core.gs1.ContainerCode c && units.size() > 1
                            ? ledger.pack(
                                    actor, c, units.subList(1, units.size()).toArray(UnitCode[]::new))
                            : null;
                case 2 -> first instanceof dev.custodyledger.core.gs1.ContainerCode c ? ledger.unpack(actor, c) : null;
                case 3 -> ledger.handoff(actor, target, units.toArray(UnitCode[]::new));
                case 4 -> ledger.receive(actor, units.toArray(UnitCode[]::new));
                case 5 -> ledger.refuse(actor, units.toArray(UnitCode[]::new));
                case 6 -> items.isEmpty() ? null : ledger.sell(actor, items.toArray(ItemCode[]::new));
                case 7 ->
                    items.isEmpty()
                            ? null
                            : ledger.recallLot(actor, items.get(0).gtin(), "L" + (s.target() % 2));
                case 8 -> items.isEmpty() ? null : ledger.recallUnits(actor, items.toArray(ItemCode[]::new));
                case 9 -> ledger.report(actor, Disposition.values()[s.target() % 3], units.toArray(UnitCode[]::new));
                case 10 -> events.get(s.target() % events.size());
                case 11 -> ledger.suspend(target);
                case 12 -> ledger.addKey(target, TestLedger.key("spare-" + target), KeyPurpose.CUSTODY);
                default -> ledger.revokeKey(target, TestLedger.key("spare-" + target));
            };
            if (event != null) {
                events.add(event);
                times.add(ledger.now().plus(Duration.ofMinutes(s.skewMinutes())));
            }
        }
        List<LedgerRecord> log = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            log.add(LedgerRecord.of(i * 3L, times.get(i), events.get(i)));
        }
        return log;
    }
}
