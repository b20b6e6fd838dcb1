package dev.custodyledger.core.verdict;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.ScannedCode;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
    static final String PATH = "/01/" + gtin("9506000", 1).value() + "/10/L1/21/A1?17=281130";
    static final ScannedCode CODE = ScannedCode.parse(PATH);
    static final UnitFacts ACTIVE = facts(UnitStatus.ACTIVE, false, false);

    static UnitFacts facts(UnitStatus status, boolean unitRecalled, boolean lotRecalled) {
        return new UnitFacts(false, status, unitRecalled, lotRecalled, Lot.of("L1"), LocalDate.of(2028, 11, 30), false);
    }

    static Verification decide(UnitFacts facts, ScannedCode code, LabelCheck label, ScanSignals signals) {
        return VerdictRules.decide(facts, code, label, signals);
    }

    @Test
    void aCodeTheLedgerNeverSawIsUnknown() {
        assertThat(decide(null, CODE, LabelCheck.VALID, ScanSignals.NONE))
                .isEqualTo(new Verification(Verdict.UNKNOWN, java.util.List.of(Reason.NOT_COMMISSIONED)));
    }

    @Test
    void anActiveItemWithAValidLabelIsGenuine() {
        var v = decide(ACTIVE, CODE, LabelCheck.VALID, ScanSignals.NONE);
        assertThat(v.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(v.reasons()).containsExactly(Reason.IN_SUPPLY_CHAIN, Reason.LABEL_SIGNATURE_VALID);
    }

    @Test
    void aSoldItemIsSoldAndSuspectWhenATillScansItAgain() {
        var sold = facts(UnitStatus.SOLD, false, false);
        assertThat(decide(sold, CODE, LabelCheck.NOT_SIGNED, ScanSignals.NONE).verdict())
                .isEqualTo(Verdict.SOLD);
        var atTill = decide(sold, CODE, LabelCheck.NOT_SIGNED, new ScanSignals(ScanContext.TILL, Set.of()));
        assertThat(atTill.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(atTill.reasons()).startsWith(Reason.SOLD_ITEM_AT_TILL).contains(Reason.SOLD);
        assertThat(decide(sold, CODE, LabelCheck.NOT_SIGNED, new ScanSignals(ScanContext.CONSUMER, Set.of()))
                        .verdict())
                .as("a consumer checking what they bought")
                .isEqualTo(Verdict.SOLD);
    }

    @Test
    void aRecallOutranksEverythingElseTheLedgerKnows() {
        var v = decide(facts(UnitStatus.SOLD, false, true), CODE, LabelCheck.INVALID, ScanSignals.NONE);
        assertThat(v.verdict()).isEqualTo(Verdict.RECALLED);
        assertThat(v.reasons()).containsExactly(Reason.LOT_RECALLED, Reason.LABEL_SIGNATURE_INVALID, Reason.SOLD);
        assertThat(decide(facts(UnitStatus.ACTIVE, true, false), CODE, LabelCheck.VALID, ScanSignals.NONE)
                        .reasons())
                .startsWith(Reason.UNIT_RECALLED);
    }

    @Test
    void aLotOrExpiryThatDisagreesWithTheLedgerIsSuspect() {
        var wrongLot = ScannedCode.parse(PATH.replace("/10/L1/", "/10/L9/"));
        var wrongExpiry = ScannedCode.parse(PATH.replace("17=281130", "17=291130"));
        var endOfMonth = ScannedCode.parse(PATH.replace("17=281130", "17=281100"));

        assertThat(decide(ACTIVE, wrongLot, LabelCheck.NOT_SIGNED, ScanSignals.NONE)
                        .reasons())
                .startsWith(Reason.LOT_MISMATCH);
        assertThat(decide(ACTIVE, wrongExpiry, LabelCheck.NOT_SIGNED, ScanSignals.NONE)
                        .verdict())
                .isEqualTo(Verdict.SUSPECT);
        assertThat(decide(ACTIVE, endOfMonth, LabelCheck.NOT_SIGNED, ScanSignals.NONE)
                        .verdict())
                .as("day 00 denotes the month's last day")
                .isEqualTo(Verdict.GENUINE);
        assertThat(decide(
                                ACTIVE,
                                ScannedCode.parse("/01/" + gtin("9506000", 1).value() + "/21/A1"),
                                LabelCheck.NOT_SIGNED,
                                ScanSignals.NONE)
                        .verdict())
                .as("a code without lot and expiry claims nothing to compare")
                .isEqualTo(Verdict.GENUINE);
    }

    @Test
    void stolenDestroyedAndExpiredItemsAreInactiveUnlessTheCodeIsSuspect() {
        assertThat(decide(facts(UnitStatus.STOLEN, false, false), CODE, LabelCheck.VALID, ScanSignals.NONE)
                        .reasons())
                .startsWith(Reason.REPORTED_STOLEN);
        assertThat(decide(facts(UnitStatus.DESTROYED, false, false), CODE, LabelCheck.VALID, ScanSignals.NONE)
                        .verdict())
                .isEqualTo(Verdict.INACTIVE);
        assertThat(decide(facts(UnitStatus.EXPIRED, false, false), CODE, LabelCheck.INVALID, ScanSignals.NONE)
                        .verdict())
                .isEqualTo(Verdict.SUSPECT);
    }

    @Test
    void whatTheCloneDetectorRecordedMakesTheCodeSuspect() {
        var v = decide(
                ACTIVE,
                CODE,
                LabelCheck.VALID,
                new ScanSignals(ScanContext.CONSUMER, Set.of(Reason.SCANNED_IN_TOO_MANY_PLACES)));
        assertThat(v.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(v.reasons()).first().isEqualTo(Reason.SCANNED_IN_TOO_MANY_PLACES);
    }

    @Test
    void aContainerCodeSaysWhatItIs() {
        var pallet = new UnitFacts(true, UnitStatus.ACTIVE, false, false, null, null, true);
        var v = decide(pallet, ScannedCode.parse("(00)095060000000000015"), LabelCheck.NOT_SIGNED, ScanSignals.NONE);
        assertThat(v.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(v.reasons()).contains(Reason.CONTAINER, Reason.IN_TRANSIT);
    }
}
