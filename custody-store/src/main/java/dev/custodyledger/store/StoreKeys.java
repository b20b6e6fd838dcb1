package dev.custodyledger.store;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.fold.LotKey;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of {@link RocksStateStore}: one byte for the kind of entry, then the entry's natural key. A lot's
 * members sort under the lot, by commissioning seq. Documented in {@code docs/operations.md}, "The state store".
 */
final class StoreKeys {
    static final byte UNIT = 'u';
    static final byte LOT = 'l';
    static final byte MEMBER = 'm';
    static final byte PARTY = 'p';
    static final byte KEY = 'k';
    static final byte DECISION = 'd';
    static final byte PRODUCT = 'P';
    static final byte[] POSITION = "#position".getBytes(StandardCharsets.US_ASCII);

    private StoreKeys() {}

    /** Bytes as a map key. */
    record Bytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    static byte[] unit(UnitCode code) {
        return prefixed(UNIT, code.path().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] lot(LotKey key) {
        return prefixed(LOT, lotBytes(key));
    }

    /** Every member of {@code lot}: the prefix its members' keys share. */
    static byte[] membersOf(LotKey lot) {
        return prefixed(MEMBER, lotBytes(lot));
    }

    static byte[] member(LotKey lot, long seq, int ordinal) {
        byte[] prefix = membersOf(lot);
        return ByteBuffer.allocate(prefix.length + 12)
                .put(prefix)
                .putLong(seq)
                .putInt(ordinal)
                .array();
    }

    static byte[] party(PartyId id) {
        return prefixed(PARTY, id.value().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] key(KeyId id) {
        return prefixed(KEY, id.value().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] decision(EventId id) {
        return prefixed(DECISION, id.hash());
    }

    static byte[] product(byte[] hash) {
        return prefixed(PRODUCT, hash);
    }

    /** The kind of entry a key names, for reports. */
    static String kindOf(byte[] key) {
        if (Arrays.equals(key, POSITION)) {
            return "position";
        }
        return switch (key.length == 0 ? 0 : key[0]) {
            case UNIT -> "unit";
            case LOT -> "lot";
            case MEMBER -> "member";
            case PARTY -> "party";
            case KEY -> "key";
            case DECISION -> "decision";
            case PRODUCT -> "product";
            default -> "unknown";
        };
    }

    /** A key as a person reads it: its kind byte and the rest, text where it is text. */
    static String describe(byte[] key) {
        String rest = new String(key, 1, Math.max(0, key.length - 1), StandardCharsets.UTF_8);
        return rest.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? rest
                : java.util.HexFormat.of().formatHex(key);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** GTIN (14 digits), then the lot's length and its characters: no lot is a prefix of another's key. */
    private static byte[] lotBytes(LotKey key) {
        byte[] gtin = key.gtin().value().getBytes(StandardCharsets.US_ASCII);
        byte[] lot = key.lot().value().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(gtin.length + 1 + lot.length)
                .put(gtin)
                .put((byte) lot.length)
                .put(lot)
                .array();
    }

    private static byte[] prefixed(byte kind, byte[] rest) {
        byte[] key = new byte[rest.length + 1];
        key[0] = kind;
        System.arraycopy(rest, 0, key, 1, rest.length);
        return key;
    }
}
