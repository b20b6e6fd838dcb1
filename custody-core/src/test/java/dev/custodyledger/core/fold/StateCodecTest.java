package dev.custodyledger.core.fold;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.FoldScenario;
import dev.custodyledger.core.testing.TestLedger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    @Test
    void aRestoredSnapshotHasTheSameDigestAndFoldsOnIdentically() throws Exception {
        var ledger = new TestLedger();
        var formula = gtin(TestLedger.BRAND_PREFIX, 1);
        var a = item(formula, "A1");
        var b = item(formula, "B2");
        var c = item(formula, "C3");
        var box = container(TestLedger.BRAND_PREFIX, 9);
        var scenario = new FoldScenario(ledger)
                .given(TestLedger.concat(
                        ledger.onboard("acme-foods", Role.PRODUCER, TestLedger.BRAND_PREFIX),
                        ledger.onboard("fresh-mart", Role.RETAILER)));
        scenario.given(
                ledger.commission("acme-foods", "L1", a, b, c),
                ledger.pack("acme-foods", box, a, b),
                ledger.handoff("acme-foods", "fresh-mart", box),
                ledger.recallUnits("acme-foods", c),
                ledger.report("acme-foods", Disposition.DESTROYED, c),
                ledger.suspend("fresh-mart"));
        var again = ledger.commission("acme-foods", "L1", a);
        scenario.when(again);

        CustodyState original = scenario.fold().state();
        var bytes = new ByteArrayOutputStream();
        StateCodec.write(original, new DataOutputStream(bytes));
        CustodyState restored = StateCodec.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(StateCodec.digest(restored)).isEqualTo(StateCodec.digest(original));
        assertThat(restored.unit(a).parent()).isEqualTo(box);
        assertThat(restored.unit(box).pendingTo().value()).isEqualTo("fresh-mart");
        assertThat(restored.unit(c).recalled()).isTrue();
        assertThat(restored.lastSeq()).isEqualTo(original.lastSeq());
        assertThat(restored.rejectedCount()).isEqualTo(1);
        assertThat(restored.decision(again.id()))
                .as("what the fold decided for each event survives the checkpoint")
                .isEqualTo(original.decision(again.id()))
                .extracting(Decision::code)
                .isEqualTo(RejectionCode.ALREADY_COMMISSIONED);
    }

    @Test
    void aSnapshotOfAnotherVersionIsRefusedWithItsOwnException() throws Exception {
        var bytes = new ByteArrayOutputStream();
        StateCodec.write(CustodyState.genesis(new TestLedger().anchor()), new DataOutputStream(bytes));
        byte[] older = bytes.toByteArray();
        older[7] = 1; // the version field follows the four bytes of magic

        assertThatThrownBy(() -> StateCodec.read(new ByteArrayInputStream(older)))
                .isInstanceOf(StateCodec.OtherVersionException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void theDigestOfTheGenesisStateDependsOnTheTrustAnchor() {
        var one = CustodyState.genesis(new TestLedger().anchor());
        var other = CustodyState.genesis(new TrustAnchor(
                TestLedger.OPERATOR, "Ledger Operator", TestLedger.key("x").publicKey()));
        assertThat(StateCodec.digest(one)).startsWith("sha256:").isNotEqualTo(StateCodec.digest(other));
        assertThat(StateCodec.digest(one))
                .isEqualTo(StateCodec.digest(CustodyState.genesis(new TestLedger().anchor())));
    }
}
