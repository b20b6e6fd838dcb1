package dev.custodyledger.core.party;

import java.util.Locale;

/** What a key may sign: custody events, label payloads, or registry events (operator). */
public enum KeyPurpose {
    CUSTODY,
    LABEL,
    OPERATOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyPurpose fromWire(String text) {
        for (KeyPurpose purpose : values()) {
            if (purpose.wire().equals(text)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("unknown key purpose '" + text + "'");
    }
}
