package dev.custodyledger.core.scan;

import java.time.Duration;

/**
 * When consumer scans of one code suggest copies: more distinct devices, or more distinct places, within the
 * window than one genuine item plausibly meets (a shopper, a family, a gift).
 */
public record CloneRules(Duration window, int maxDevices, int maxPlaces) {
    public static final CloneRules DEFAULT = new CloneRules(Duration.ofDays(30), 3, 2);

    public CloneRules {
        if (window.isNegative() || window.isZero() || maxDevices < 1 || maxPlaces < 1) {
            throw new IllegalArgumentException("the window is positive and the thresholds at least 1");
        }
    }
}
