package dev.custodyledger.core.party;

import java.util.Locale;

/**
 * What a key may sign: custody events, label payloads, registry events (operator), or the transparency log's
 * checkpoints (log: the operator's, and never an event).
 */
public enum KeyPurpose {
    CUSTODY,
    LABEL,
    OPERATOR,
    LOG;

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
