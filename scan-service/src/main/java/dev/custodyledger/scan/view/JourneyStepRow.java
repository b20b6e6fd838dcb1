package dev.custodyledger.scan.view;

import java.time.Instant;

/** One step of a unit's journey as a consumer sees it: what happened, when, where, by whom. */
public record JourneyStepRow(
        String unitCode,
        long seq,
        Instant eventTime,
        String step,
        String partyName,
        String toPartyName,
        String city,
        String country,
        String viaContainer) {}
