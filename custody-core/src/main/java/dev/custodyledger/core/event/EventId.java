package dev.custodyledger.core.event;

import dev.custodyledger.core.crypto.Sha256;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** {@code sha256:} + hex(SHA-256(canonical bytes of the event)): the same event always has the same id. */
public final class EventId implements Comparable<EventId> {
    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

    private final byte[] hash;
    private final int hashCode;

    private EventId(byte[] hash) {
        this.hash = hash;
        this.hashCode = Arrays.hashCode(hash);
    }

    public static EventId ofCanonicalBytes(byte[] canonical) {
        return new EventId(Sha256.hash(canonical));
    }

    public static EventId parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("an event id is 'sha256:' followed by 64 lowercase hex digits");
        }
        return new EventId(HexFormat.of().parseHex(text, 7, text.length()));
    }

    public static EventId ofHash(byte[] hash) {
        if (hash == null || hash.length != 32) {
            throw new IllegalArgumentException("an event id hash has 32 bytes");
        }
        return new EventId(hash.clone());
    }

    public byte[] hash() {
        return hash.clone();
    }

    /** Orders by the hash bytes, unsigned: the order of the hex text. */
    @Override
    public int compareTo(EventId other) {
        return Arrays.compareUnsigned(hash, other.hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventId other && hashCode == other.hashCode && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return "sha256:" + HexFormat.of().formatHex(hash);
    }
}
