package dev.custodyledger.core.event;

import java.util.Locale;

/** Why a REPORT takes units out of the supply chain. */
public enum Disposition {
    STOLEN,
    DESTROYED,
    EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Disposition fromWire(String text) {
        for (Disposition d : values()) {
            if (d.wire().equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("disposition must be stolen, destroyed or expired");
    }
}
