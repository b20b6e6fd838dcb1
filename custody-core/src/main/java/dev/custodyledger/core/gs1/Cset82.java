package dev.custodyledger.core.gs1;

/** GS1 AI encodable character set 82, used by serials (AI 21) and lots (AI 10). */
final class Cset82 {
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c : "!\"%&'()*+,-./:;<=>?_".toCharArray()) {
            ALLOWED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALLOWED[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            ALLOWED[c] = true;
            ALLOWED[c + ('a' - 'A')] = true;
        }
    }

    private Cset82() {}

    static void require(String value, int maxLength, String what) {
        if (value == null || value.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, what + " is empty");
        }
        if (value.length() > maxLength) {
            throw new Gs1SyntaxException(
                    Gs1Error.LENGTH, what + " has " + value.length() + " characters, at most " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || !ALLOWED[c]) {
                throw new Gs1SyntaxException(
                        Gs1Error.CHARACTER_SET, what + " has a character outside GS1 CSET 82 at position " + (i + 1));
            }
        }
    }
}
