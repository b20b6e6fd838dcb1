package dev.custodyledger.core.fold;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.FoldScenario;
import dev.custodyledger.core.testing.TestLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CustodyFoldTest {
    static final String BRAND = "acme-foods";
    static final String CARRIER = "swift-logistics";
    static final String DISTRIBUTOR = "north-dist";
    static final String SHOP = "fresh-mart";
    static final String RIVAL = "rival-brands";

    static final Gtin FORMULA = gtin(TestLedger.BRAND_PREFIX, 13435);
    static final ItemCode TIN_1 = item(FORMULA, "7Q2K9X4MZ3");
    static final ItemCode TIN_2 = item(FORMULA, "8R3L0Y5NA4");
    static final ItemCode TIN_3 = item(FORMULA, "9S4M1Z6PB5");
    static final ContainerCode CASE = container(TestLedger.BRAND_PREFIX, 1);
    static final ContainerCode PALLET = container(TestLedger.BRAND_PREFIX, 2);

    TestLedger ledger;
    FoldScenario scenario;

    @BeforeEach
    void supplyChain() {
        ledger = new TestLedger();
        scenario = new FoldScenario(ledger)
                .given(TestLedger.concat(
                        ledger.onboard(BRAND, Role.PRODUCER, TestLedger.BRAND_PREFIX),
                        ledger.onboard(CARRIER, Role.LOGISTICS),
                        ledger.onboard(DISTRIBUTOR, Role.DISTRIBUTOR),
                        ledger.onboard(SHOP, Role.RETAILER),
                        ledger.onboard(RIVAL, Role.PRODUCER, "4000001")));
    }

    CustodyState state() {
        return scenario.fold().state();
    }

    UnitState unit(Object code) {
        return state().unit((dev.custodyledger.core.gs1.UnitCode) code);
    }

    static PartyId party(String id) {
        return PartyId.of(id);
    }

    @Nested
    class AJourney {
        @Test
        void commissionedUnitsBelongToTheProducerAndAreActive() {
            Outcome outcome = scenario.when(ledger.commission(BRAND, "L2611", TIN_1, TIN_2));

            assertThat(outcome.accepted()).isTrue();
            assertThat(outcome.units()).containsExactly(TIN_1, TIN_2);
            assertThat(unit(TIN_1).custodian()).isEqualTo(party(BRAND));
            assertThat(unit(TIN_1).status()).isEqualTo(UnitStatus.ACTIVE);
            assertThat(unit(TIN_1).lot().units()).isEqualTo(2);
            assertThat(unit(TIN_1).product().name()).isEqualTo("Infant formula 800 g");
        }

        @Test
        void custodyPassesOnlyWhenTheReceiverReceives() {
            scenario.given(ledger.commission(BRAND, "L2611", TIN_1), ledger.handoff(BRAND, CARRIER, TIN_1));
            assertThat(unit(TIN_1).custodian()).isEqualTo(party(BRAND));
            assertThat(unit(TIN_1).pendingTo()).isEqualTo(party(CARRIER));

            scenario.when(ledger.receive(CARRIER, TIN_1));

            assertThat(unit(TIN_1).custodian()).isEqualTo(party(CARRIER));
            assertThat(unit(TIN_1).inTransit()).isFalse();
        }

        @Test
        void aRefusedHandoffLeavesCustodyWithTheSender() {
            scenario.given(ledger.commission(BRAND, "L2611", TIN_1), ledger.handoff(BRAND, CARRIER, TIN_1));

            assertThat(scenario.when(ledger.refuse(CARRIER, TIN_1)).accepted()).isTrue();

            assertThat(unit(TIN_1).custodian()).isEqualTo(party(BRAND));
            assertThat(unit(TIN_1).inTransit()).isFalse();
        }

        @Test
        void childrenMoveWithTheirContainersThroughEveryLevel() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1, TIN_2, TIN_3),
                    ledger.pack(BRAND, CASE, TIN_1, TIN_2),
                    ledger.pack(BRAND, PALLET, CASE, TIN_3));

            Outcome handoff = scenario.when(ledger.handoff(BRAND, CARRIER, PALLET));
            scenario.when(ledger.receive(CARRIER, PALLET));

            assertThat(handoff.carried()).containsExactly(CASE, TIN_1, TIN_2, TIN_3);
            for (var code : List.of(PALLET, CASE, TIN_1, TIN_2, TIN_3)) {
                assertThat(unit(code).custodian()).as("%s", code).isEqualTo(party(CARRIER));
            }
            assertThat(unit(TIN_1).parent()).isEqualTo(CASE);
            assertThat(unit(CASE).parent()).isEqualTo(PALLET);
        }

        @Test
        void unpackingFreesTheChildrenToMoveAlone() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1, TIN_2),
                    ledger.pack(BRAND, CASE, TIN_1, TIN_2),
                    ledger.handoff(BRAND, DISTRIBUTOR, CASE),
                    ledger.receive(DISTRIBUTOR, CASE));

            Outcome unpack = scenario.when(ledger.unpack(DISTRIBUTOR, CASE));

            assertThat(unpack.units()).containsExactly(CASE);
            assertThat(unpack.carried()).containsExactly(TIN_1, TIN_2);
            assertThat(unit(CASE).children()).isEmpty();
            assertThat(unit(TIN_1).parent()).isNull();
            assertThat(scenario.when(ledger.handoff(DISTRIBUTOR, SHOP, TIN_1)).accepted())
                    .isTrue();
        }

        @Test
        void partialUnpackTakesOutOnlyTheListedUnits() {
            scenario.given(ledger.commission(BRAND, "L2611", TIN_1, TIN_2), ledger.pack(BRAND, CASE, TIN_1, TIN_2));

            scenario.when(ledger.unpack(BRAND, CASE, TIN_2));

            assertThat(unit(CASE).children()).containsExactly(TIN_1);
            assertThat(unit(TIN_2).parent()).isNull();
        }

        @Test
        void aRetailerSellsAnItemAndItLeavesTheSupplyChain() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1),
                    ledger.handoff(BRAND, SHOP, TIN_1),
                    ledger.receive(SHOP, TIN_1));

            assertThat(scenario.when(ledger.sell(SHOP, TIN_1)).accepted()).isTrue();

            assertThat(unit(TIN_1).status()).isEqualTo(UnitStatus.SOLD);
        }

        @Test
        void recallingALotRecallsEveryUnitOfItIncludingSoldOnes() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1, TIN_2),
                    ledger.commission(BRAND, "L2612", TIN_3),
                    ledger.handoff(BRAND, SHOP, TIN_1),
                    ledger.receive(SHOP, TIN_1),
                    ledger.sell(SHOP, TIN_1));

            Outcome recall = scenario.when(ledger.recallLot(BRAND, FORMULA, "L2611"));

            assertThat(recall.units())
                    .as("the outcome names every unit of the lot")
                    .containsExactly(TIN_1, TIN_2);
            assertThat(unit(TIN_1).recalled()).isTrue();
            assertThat(unit(TIN_2).recalled()).isTrue();
            assertThat(unit(TIN_2).recallReason()).isEqualTo("contamination risk");
            assertThat(unit(TIN_3).recalled()).isFalse();
        }

        @Test
        void aStolenContainerTakesItsContentsOutOfTheSupplyChain() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1, TIN_2),
                    ledger.pack(BRAND, CASE, TIN_1, TIN_2),
                    ledger.handoff(BRAND, CARRIER, CASE));

            assertThat(scenario.when(ledger.report(BRAND, Disposition.STOLEN, CASE))
                            .accepted())
                    .isTrue();

            assertThat(unit(CASE).status()).isEqualTo(UnitStatus.STOLEN);
            assertThat(unit(TIN_1).status()).isEqualTo(UnitStatus.STOLEN);
            assertThat(unit(CASE).inTransit()).isFalse();
        }

        @Test
        void theProducerMayReportItsOwnUnitsExpiredWhoeverHoldsThem() {
            scenario.given(
                    ledger.commission(BRAND, "L2611", TIN_1),
                    ledger.handoff(BRAND, SHOP, TIN_1),
                    ledger.receive(SHOP, TIN_1));

            assertThat(scenario.when(ledger.report(BRAND, Disposition.EXPIRED, TIN_1))
                            .accepted())
                    .isTrue();
            assertThat(unit(TIN_1).status()).isEqualTo(UnitStatus.EXPIRED);
        }

        @Test
        void rejectedEventsChangeNothingButTheSequence() {
            scenario.given(ledger.commission(BRAND, "L2611", TIN_1, TIN_2));
            String before = state().commitment();
            long seq = state().lastSeq();

            Outcome outcome = scenario.when(ledger.handoff(BRAND, CARRIER, TIN_1, TIN_3));

            assertThat(outcome.code()).isEqualTo(RejectionCode.UNKNOWN_UNIT);
            assertThat(outcome.seq()).isEqualTo(seq + 1);
            assertThat(unit(TIN_1).inTransit()).as("no partial effect").isFalse();
            assertThat(state().commitment()).isNotEqualTo(before);
            assertThat(state().rejectedCount()).isEqualTo(1);
        }

        @Test
        void sequenceNumbersAreContiguousWhateverTheOffsets() {
            long first = scenario.when(ledger.commission(BRAND, "L1", TIN_1)).seq();
            long second = scenario.when(ledger.commission(BRAND, "L1", TIN_1)).seq();
            assertThat(second).isEqualTo(first + 1);
        }

        @Test
        void aRevokedKeySignsNothingAfterItsRevocationButItsEarlierEventsStand() {
            scenario.given(ledger.commission(BRAND, "L2611", TIN_1));
            Ed25519PrivateKey next = TestLedger.key(BRAND + "/custody-2");
            scenario.given(
                    ledger.addKey(BRAND, next, KeyPurpose.CUSTODY), ledger.revokeKey(BRAND, ledger.custodyKey(BRAND)));

            assertThat(unit(TIN_1).custodian()).isEqualTo(party(BRAND));
            var handoff = new Handoff(ledger.header(EventType.HANDOFF, BRAND, next), List.of(TIN_1), party(CARRIER));
            assertThat(scenario.when(SignedEvent.sign(handoff, next)).accepted())
                    .isTrue();
        }
    }

    /** One scenario per rejection code; the test below fails when a code has none. */
    Map<RejectionCode, Function<CustodyFoldTest, Outcome>> rejections() {
        Map<RejectionCode, Function<CustodyFoldTest, Outcome>> m = new EnumMap<>(RejectionCode.class);
        m.put(
                RejectionCode.MALFORMED,
                t -> t.scenario
                        .fold()
                        .apply(LedgerRecord.decode(
                                10_000, t.ledger.now(), "{\"event\":{}}".getBytes(StandardCharsets.UTF_8))));
        m.put(RejectionCode.DUPLICATE, t -> {
            SignedEvent commission = t.ledger.commission(BRAND, "L1", TIN_1);
            t.scenario.given(commission);
            return t.scenario.when(commission);
        });
        m.put(
                RejectionCode.CLOCK_SKEW,
                t -> t.scenario.record(
                        t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.now().minus(Duration.ofMinutes(6))));
        m.put(RejectionCode.UNKNOWN_PARTY, t -> t.scenario.when(t.ledger.commission("nobody-inc", "L1", TIN_1)));
        m.put(RejectionCode.PARTY_SUSPENDED, t -> {
            t.scenario.given(t.ledger.suspend(BRAND));
            return t.scenario.when(t.ledger.commission(BRAND, "L1", TIN_1));
        });
        m.put(RejectionCode.UNKNOWN_KEY, t -> {
            Ed25519PrivateKey stranger = TestLedger.key("stranger");
            var header = t.ledger.header(EventType.HANDOFF, BRAND, stranger);
            return t.scenario.when(SignedEvent.sign(new Handoff(header, List.of(TIN_1), party(SHOP)), stranger));
        });
        m.put(RejectionCode.KEY_REVOKED, t -> {
            t.scenario.given(t.ledger.revokeKey(BRAND, t.ledger.custodyKey(BRAND)));
            return t.scenario.when(t.ledger.commission(BRAND, "L1", TIN_1));
        });
        m.put(RejectionCode.BAD_SIGNATURE, t -> t.scenario.when(forged(t.ledger.commission(BRAND, "L1", TIN_1))));
        m.put(RejectionCode.WRONG_KEY_PURPOSE, t -> {
            Ed25519PrivateKey label = TestLedger.key(BRAND + "/label");
            t.scenario.given(t.ledger.addKey(BRAND, label, KeyPurpose.LABEL));
            var header = t.ledger.header(EventType.HANDOFF, BRAND, label);
            return t.scenario.when(SignedEvent.sign(new Handoff(header, List.of(TIN_1), party(SHOP)), label));
        });
        m.put(RejectionCode.ROLE_NOT_ALLOWED, t -> t.scenario.when(t.ledger.commission(SHOP, "L1", TIN_1)));
        m.put(RejectionCode.PARTY_EXISTS, t -> t.scenario.when(t.ledger.register(SHOP, List.of(Role.RETAILER))));
        m.put(
                RejectionCode.KEY_EXISTS,
                t -> t.scenario.when(t.ledger.addKey(SHOP, t.ledger.custodyKey(BRAND), KeyPurpose.CUSTODY)));
        m.put(
                RejectionCode.PREFIX_CONFLICT,
                t -> t.scenario.when(t.ledger.register("copycat", List.of(Role.PRODUCER), "95060001")));
        m.put(RejectionCode.GTIN_NOT_OWNED, t -> t.scenario.when(t.ledger.commission(RIVAL, "L1", TIN_1)));
        m.put(RejectionCode.ALREADY_COMMISSIONED, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1));
            return t.scenario.when(t.ledger.commission(BRAND, "L1", TIN_2, TIN_1));
        });
        m.put(RejectionCode.UNKNOWN_UNIT, t -> t.scenario.when(t.ledger.handoff(BRAND, SHOP, TIN_1)));
        m.put(RejectionCode.UNKNOWN_LOT, t -> t.scenario.when(t.ledger.recallLot(BRAND, FORMULA, "NEVER")));
        m.put(RejectionCode.NOT_CUSTODIAN, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1));
            return t.scenario.when(t.ledger.handoff(CARRIER, SHOP, TIN_1));
        });
        m.put(RejectionCode.IN_TRANSIT, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.handoff(BRAND, CARRIER, TIN_1));
            return t.scenario.when(t.ledger.handoff(BRAND, SHOP, TIN_1));
        });
        m.put(RejectionCode.INSIDE_CONTAINER, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.pack(BRAND, CASE, TIN_1));
            return t.scenario.when(t.ledger.handoff(BRAND, SHOP, TIN_1));
        });
        m.put(RejectionCode.NOT_IN_CONTAINER, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1, TIN_2), t.ledger.pack(BRAND, CASE, TIN_1));
            return t.scenario.when(t.ledger.unpack(BRAND, CASE, TIN_2));
        });
        m.put(RejectionCode.INACTIVE_UNIT, t -> {
            t.scenario.given(
                    t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.report(BRAND, Disposition.DESTROYED, TIN_1));
            return t.scenario.when(t.ledger.handoff(BRAND, SHOP, TIN_1));
        });
        m.put(RejectionCode.RECALLED_UNIT, t -> {
            t.scenario.given(
                    t.ledger.commission(BRAND, "L1", TIN_1),
                    t.ledger.handoff(BRAND, SHOP, TIN_1),
                    t.ledger.receive(SHOP, TIN_1),
                    t.ledger.recallUnits(BRAND, TIN_1));
            return t.scenario.when(t.ledger.sell(SHOP, TIN_1));
        });
        m.put(RejectionCode.ALREADY_RECALLED, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.recallLot(BRAND, FORMULA, "L1"));
            return t.scenario.when(t.ledger.recallUnits(BRAND, TIN_1));
        });
        m.put(RejectionCode.NOT_RECEIVER, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1), t.ledger.handoff(BRAND, CARRIER, TIN_1));
            return t.scenario.when(t.ledger.receive(SHOP, TIN_1));
        });
        m.put(RejectionCode.HANDOFF_NOT_PENDING, t -> {
            t.scenario.given(t.ledger.commission(BRAND, "L1", TIN_1));
            return t.scenario.when(t.ledger.receive(BRAND, TIN_1));
        });
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyRejectionCodeHasAScenarioThatProducesIt() {
        var scenarios = rejections();
        assertThat(scenarios.keySet())
                .as("a scenario per rejection code")
                .containsExactlyInAnyOrder(RejectionCode.values());
        return scenarios.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> {
                    supplyChain();
                    String before = state().commitment();
                    Outcome outcome = e.getValue().apply(this);
                    assertThat(outcome.code()).as(outcome.message()).isEqualTo(e.getKey());
                    assertThat(outcome.message()).isNotBlank();
                }));
    }

    @Test
    void anEventTooFarInTheFutureIsClockSkew() {
        SignedEvent event = ledger.commission(BRAND, "L1", TIN_1);
        Outcome outcome =
                scenario.record(event, ledger.now().minus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(outcome.code()).isEqualTo(RejectionCode.CLOCK_SKEW);
    }

    @Test
    void anEventOlderThanThePastBoundIsClockSkew() {
        SignedEvent event = ledger.commission(BRAND, "L1", TIN_1);
        Outcome outcome =
                scenario.record(event, ledger.now().plus(Duration.ofDays(30)).plusMillis(1));
        assertThat(outcome.code()).isEqualTo(RejectionCode.CLOCK_SKEW);
    }

    @Test
    void aPartyCannotRegisterPartiesWithoutTheOperatorRole() {
        var profile = new dev.custodyledger.core.event.PartyProfile(
                party("fake-brand"), "Fake", List.of(Role.PRODUCER), List.of(), null, null);
        var event = new dev.custodyledger.core.event.CustodyEvent.PartyRegistered(
                ledger.header(EventType.PARTY_REGISTERED, SHOP), profile);
        assertThat(scenario.when(ledger.sign(SHOP, event)).code()).isEqualTo(RejectionCode.ROLE_NOT_ALLOWED);
    }

    @Test
    void aConsumerSaleNeedsTheRetailerRole() {
        scenario.given(ledger.commission(BRAND, "L1", TIN_1));
        assertThat(scenario.when(ledger.sell(BRAND, TIN_1)).code()).isEqualTo(RejectionCode.ROLE_NOT_ALLOWED);
    }

    @Test
    void aSoldItemCannotBeSoldAgain() {
        scenario.given(
                ledger.commission(BRAND, "L1", TIN_1),
                ledger.handoff(BRAND, SHOP, TIN_1),
                ledger.receive(SHOP, TIN_1),
                ledger.sell(SHOP, TIN_1));
        assertThat(scenario.when(ledger.sell(SHOP, TIN_1)).code()).isEqualTo(RejectionCode.INACTIVE_UNIT);
    }

    @Test
    void aContainerInsideAnotherCannotBeUnpackedBeforeItsParent() {
        scenario.given(
                ledger.commission(BRAND, "L1", TIN_1),
                ledger.pack(BRAND, CASE, TIN_1),
                ledger.pack(BRAND, PALLET, CASE));
        assertThat(scenario.when(ledger.unpack(BRAND, CASE)).code()).isEqualTo(RejectionCode.INSIDE_CONTAINER);
    }

    @Test
    void onlyTheProducerReportsExpiry() {
        scenario.given(
                ledger.commission(BRAND, "L1", TIN_1), ledger.handoff(BRAND, SHOP, TIN_1), ledger.receive(SHOP, TIN_1));
        assertThat(scenario.when(ledger.report(SHOP, Disposition.EXPIRED, TIN_1))
                        .code())
                .isEqualTo(RejectionCode.NOT_CUSTODIAN);
        assertThat(scenario.when(ledger.report(SHOP, Disposition.DESTROYED, TIN_1))
                        .accepted())
                .isTrue();
    }

    @Test
    void aRecallOfAnotherBrandsLotIsRefused() {
        scenario.given(ledger.commission(BRAND, "L1", TIN_1));
        assertThat(scenario.when(ledger.recallLot(RIVAL, FORMULA, "L1")).code())
                .isEqualTo(RejectionCode.GTIN_NOT_OWNED);
    }

    @Test
    void aSuspendedReceiverCannotBeHandedUnits() {
        scenario.given(ledger.commission(BRAND, "L1", TIN_1), ledger.suspend(SHOP));
        assertThat(scenario.when(ledger.handoff(BRAND, SHOP, TIN_1)).code()).isEqualTo(RejectionCode.PARTY_SUSPENDED);
    }

    @Test
    void precheckAgreesWithTheFoldAndChangesNothing() {
        scenario.given(ledger.commission(BRAND, "L1", TIN_1), ledger.handoff(BRAND, CARRIER, TIN_1));
        String digest = state().commitment();
        SignedEvent conflicting = ledger.handoff(BRAND, SHOP, TIN_1);

        var rejection = scenario.fold().precheck(conflicting, ledger.now());

        assertThat(rejection).get().extracting(Rejection::code).isEqualTo(RejectionCode.IN_TRANSIT);
        assertThat(state().commitment()).isEqualTo(digest);
        assertThat(scenario.fold().precheck(ledger.receive(CARRIER, TIN_1), ledger.now()))
                .isEmpty();
    }

    /** The same event with the signature of another event: structurally perfect, cryptographically wrong. */
    static SignedEvent forged(SignedEvent event) {
        SignedEvent other = new TestLedger().commission(BRAND, "L9", TIN_3);
        ObjectNode envelope = event.envelopeJson();
        envelope.put("sig", other.signatureBase64Url());
        return SignedEvent.decode(envelope.toString().getBytes(StandardCharsets.UTF_8));
    }
}
