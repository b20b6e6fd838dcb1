package dev.custodyledger.core.event;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.party.PartyId;
import java.time.Instant;
import java.util.Objects;

/**
 * What every event says about itself: who signed it with which key, when they say it happened, a nonce that
 * makes otherwise identical events distinct, and optionally where.
 */
public record EventHeader(
        EventType type, Instant eventTime, PartyId actor, KeyId keyId, String nonce, Location location) {
    public static final int VERSION = 1;

    public EventHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        if (eventTime.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("eventTime has at most millisecond precision");
        }
    }
}
