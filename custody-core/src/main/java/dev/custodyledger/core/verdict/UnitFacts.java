package dev.custodyledger.core.verdict;

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
        boolean inTransit) {}
