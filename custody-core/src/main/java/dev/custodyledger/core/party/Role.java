package dev.custodyledger.core.party;

import java.util.Locale;

/** What a party does in the supply chain; rules that depend on it are in the fold. */
public enum Role {
    OPERATOR,
    PRODUCER,
    LOGISTICS,
    DISTRIBUTOR,
    RETAILER,
    INSPECTOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String text) {
        for (Role role : values()) {
            if (role.wire().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'");
    }
}
