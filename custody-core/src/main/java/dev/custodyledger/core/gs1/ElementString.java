package dev.custodyledger.core.gs1;

/**
 * GS1 element strings as scanners emit them: bracketed {@code (01)…(10)…(21)…(17)…}, or unbracketed with
 * FNC1 as the GS character (or {@code ^}) ending variable-length values, optionally after a symbology
 * identifier such as {@code ]d2} or {@code ]Q3}.
 */
public final class ElementString {
    public static final char GS = '\u001D';

    private ElementString() {}

    public static ScannedCode parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "the element string is empty");
        }
        if (text.length() > DigitalLink.MAX_LENGTH) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, "the element string is too long");
        }
        String s = text;
        while (s.endsWith("\n") || s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("]")) {
            if (s.length() < 3) {
                throw new Gs1SyntaxException(Gs1Error.SYNTAX, "truncated symbology identifier");
            }
            s = s.substring(3);
        }
        var fields = new Fields();
        if (s.startsWith("(")) {
            parseBracketed(s, fields);
        } else {
            parseUnbracketed(s, fields);
        }
        return ScannedCode.assemble(fields.gtin, fields.sscc, fields.lot, fields.serial, fields.expiry, null);
    }

    private static void parseBracketed(String s, Fields fields) {
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '(') {
                throw new Gs1SyntaxException(Gs1Error.SYNTAX, "expected '(' at position " + (i + 1));
            }
            int close = s.indexOf(')', i);
            if (close < 0) {
                throw new Gs1SyntaxException(Gs1Error.SYNTAX, "unclosed '(' at position " + (i + 1));
            }
            String ai = s.substring(i + 1, close);
            var value = new StringBuilder();
            int j = close + 1;
            while (j < s.length() && s.charAt(j) != '(') {
                if (s.charAt(j) == '\\' && j + 1 < s.length() && s.charAt(j + 1) == '(') {
                    j++;
                }
                value.append(s.charAt(j++));
            }
            fields.put(ai, value.toString());
            i = j;
        }
    }

    private static void parseUnbracketed(String s, Fields fields) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == GS || s.charAt(i) == '^')) {
            i++;
        }
        if (i >= s.length()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "the element string has no data");
        }
        while (i < s.length()) {
            if (i + 2 > s.length()) {
                throw new Gs1SyntaxException(Gs1Error.SYNTAX, "truncated AI at position " + (i + 1));
            }
            String ai = s.substring(i, i + 2);
            int fixed = fixedLength(ai);
            i += 2;
            int end;
            if (fixed > 0) {
                end = i + fixed;
                if (end > s.length()) {
                    throw new Gs1SyntaxException(Gs1Error.LENGTH, "AI (" + ai + ") needs " + fixed + " characters");
                }
            } else {
                end = i;
                while (end < s.length() && s.charAt(end) != GS && s.charAt(end) != '^') {
                    end++;
                }
            }
            fields.put(ai, s.substring(i, end));
            i = end;
            if (i < s.length() && (s.charAt(i) == GS || s.charAt(i) == '^')) {
                i++;
                if (i == s.length()) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the element string ends with a separator");
                }
            }
        }
    }

    private static int fixedLength(String ai) {
        return switch (ai) {
            case "00" -> 18;
            case "01" -> 14;
            case "17" -> 6;
            case "10", "21" -> 0;
            default ->
                throw new Gs1SyntaxException(
                        CheckDigit.isDigits(ai) ? Gs1Error.UNSUPPORTED_AI : Gs1Error.SYNTAX,
                        CheckDigit.isDigits(ai)
                                ? "AI (" + ai + ") is not supported by this ledger"
                                : "expected an AI, found '" + ai + "'");
        };
    }

    private static final class Fields {
        Gtin gtin;
        Sscc sscc;
        Lot lot;
        Serial serial;
        Yymmdd expiry;

        void put(String ai, String value) {
            fixedLength(ai);
            switch (ai) {
                case "00" -> sscc = once(sscc, ai, new Sscc(value));
                case "01" -> gtin = once(gtin, ai, new Gtin(value));
                case "10" -> lot = once(lot, ai, new Lot(value));
                case "17" -> expiry = once(expiry, ai, new Yymmdd(value));
                case "21" -> serial = once(serial, ai, new Serial(value));
                default -> throw new IllegalStateException(ai);
            }
        }

        private static <T> T once(T existing, String ai, T value) {
            if (existing != null) {
                throw new Gs1SyntaxException(Gs1Error.DUPLICATE_AI, "AI (" + ai + ") appears twice");
            }
            return value;
        }
    }
}
