package dev.custodyledger.core.verdict;

import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.gs1.ScannedCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides a verdict from the ledger's facts about a unit, what the code itself claims, and the scan signals.
 * Every applicable reason is collected; the verdict is the most severe one they call for, so a recalled lot
 * outranks a suspicious label, and a suspicious label outranks a plain sale. Pure: no clock, no I/O.
 */
public final class VerdictRules {
    private VerdictRules() {}

    /** {@code facts} is null when the ledger has never seen the unit. */
    public static Verification decide(UnitFacts facts, ScannedCode code, LabelCheck label, ScanSignals signals) {
        if (facts == null) {
            return new Verification(Verdict.UNKNOWN, List.of(Reason.NOT_COMMISSIONED));
        }
        List<Reason> reasons = new ArrayList<>();
        if (facts.container()) {
            reasons.add(Reason.CONTAINER);
        }
        if (facts.lotRecalled()) {
            reasons.add(Reason.LOT_RECALLED);
        }
        if (facts.unitRecalled()) {
            reasons.add(Reason.UNIT_RECALLED);
        }
        switch (label) {
            case INVALID -> reasons.add(Reason.LABEL_SIGNATURE_INVALID);
            case VALID -> reasons.add(Reason.LABEL_SIGNATURE_VALID);
            case NOT_SIGNED -> reasons.add(Reason.LABEL_NOT_SIGNED);
        }
        if (code.lot() != null && facts.lot() != null && !code.lot().equals(facts.lot())) {
            reasons.add(Reason.LOT_MISMATCH);
        }
        if (code.expiry() != null && facts.expiry() != null && !code.expiry().denotes(facts.expiry())) {
            reasons.add(Reason.EXPIRY_MISMATCH);
        }
        if (signals.context() == ScanContext.TILL && facts.status() == UnitStatus.SOLD) {
            reasons.add(Reason.SOLD_ITEM_AT_TILL);
        }
        reasons.addAll(signals.detected().stream().sorted().toList());
        switch (facts.status()) {
            case STOLEN -> reasons.add(Reason.REPORTED_STOLEN);
            case DESTROYED -> reasons.add(Reason.DESTROYED);
            case EXPIRED -> reasons.add(Reason.EXPIRED);
            case SOLD -> reasons.add(Reason.SOLD);
            case ACTIVE -> reasons.add(Reason.IN_SUPPLY_CHAIN);
        }
        if (facts.inTransit()) {
            reasons.add(Reason.IN_TRANSIT);
        }
        Verdict verdict = reasons.stream()
                .map(Reason::calls)
                .filter(v -> v != null)
                .min(Comparator.naturalOrder())
                .orElse(Verdict.GENUINE);
        reasons.sort(Comparator.comparing(r -> r.calls() == null ? Verdict.UNAVAILABLE : r.calls()));
        return new Verification(verdict, reasons);
    }
}
