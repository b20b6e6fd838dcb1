package dev.custodyledger.core.party;

import java.util.regex.Pattern;

/** A party's stable identifier: {@code [a-z0-9][a-z0-9.-]{1,62}}. */
public record PartyId(String value) implements Comparable<PartyId> {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}");

    public PartyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a party id is 2 to 63 characters of a-z, 0-9, '.' and '-', starting with a letter or digit");
        }
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
