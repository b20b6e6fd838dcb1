package dev.custodyledger.core.party;

/** A party's stable identifier: {@code [a-z0-9][a-z0-9.-]{1,62}}. */
public record PartyId(String value) implements Comparable<PartyId> {
    public PartyId {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(
                    "a party id is 2 to 63 characters of a-z, 0-9, '.' and '-', starting with a letter or digit");
        }
    }

    /** Checked by hand, not by a pattern: every stored unit names its custodian, and decoding one checks it. */
    private static boolean wellFormed(String value) {
        if (value == null || value.length() < 2 || value.length() > 63) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || (c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    public static PartyId of(String value) {
        return new PartyId(value);
    }

    @Override
    public int compareTo(PartyId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
