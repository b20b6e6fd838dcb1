package dev.custodyledger.core.gs1;

/** The GS1 mod-10 check digit shared by GTIN, SSCC and GLN. */
public final class CheckDigit {
    private CheckDigit() {}

    /** The check digit for {@code payload}, the digits before the check digit. */
    public static int compute(CharSequence payload) {
        int sum = 0;
        int weight = 3;
        for (int i = payload.length() - 1; i >= 0; i--) {
            sum += (payload.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Checks that {@code digits} has exactly {@code length} digits and a correct final check digit. */
    static void require(String digits, int length, String what) {
        if (digits == null || digits.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, what + " is empty");
        }
        if (!isDigits(digits)) {
            throw new Gs1SyntaxException(Gs1Error.CHARACTER_SET, what + " must contain digits only");
        }
        if (digits.length() != length) {
            throw new Gs1SyntaxException(
                    Gs1Error.LENGTH, what + " must have " + length + " digits, not " + digits.length());
        }
        int expected = compute(digits.subSequence(0, length - 1));
        if (digits.charAt(length - 1) - '0' != expected) {
            throw new Gs1SyntaxException(
                    Gs1Error.CHECK_DIGIT, what + " " + digits + " has a wrong check digit (expected " + expected + ")");
        }
    }

    static boolean isDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
