package dev.custodyledger.core.event;

/** Bounds for free text in events: non-blank, bounded, no control characters. */
final class Text {
    private Text() {}

    static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " has more than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character");
            }
        }
        return value;
    }
}
