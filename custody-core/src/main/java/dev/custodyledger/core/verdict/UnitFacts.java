package dev.custodyledger.core.verdict;

import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.gs1.Lot;
import java.time.LocalDate;

/**
 * What the ledger says about a unit, as far as a verdict needs it.
 *
 * @param lot and {@code expiry} are null for containers
 */
public record UnitFacts(
        boolean container,
        UnitStatus status,
        boolean unitRecalled,
        boolean lotRecalled,
        Lot lot,
        LocalDate expiry,
        boolean inTransit) {

    /** The facts of a unit as the fold holds it. */
    public static UnitFacts of(UnitState u) {
        return new UnitFacts(
                u.isContainer(),
                u.status(),
                u.unitRecalledSeq() > 0,
                u.lot() != null && u.lot().recalled(),
                u.lot() != null ? u.lot().key().lot() : null,
                u.expiry(),
                u.inTransit());
    }
}
