package dev.custodyledger.core.verdict;

import java.util.Set;

/**
 * What scans add to a verify: the context of this scan (a till scan of a sold item is suspect) and the reasons
 * the clone detector has recorded for the unit so far.
 */
public record ScanSignals(ScanContext context, Set<Reason> detected) {
    public static final ScanSignals NONE = new ScanSignals(null, Set.of());

    public ScanSignals {
        detected = Set.copyOf(detected);
    }
}
