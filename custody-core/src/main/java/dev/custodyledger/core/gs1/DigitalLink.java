package dev.custodyledger.core.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Strict GS1 Digital Link parsing and formatting for the keys this ledger uses: {@code /01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD&s=…}
 * and {@code /00/{sscc}}. Key qualifiers must come in the order the standard fixes; any path before the
 * primary key is a resolver stem and is ignored.
 */
public final class DigitalLink {
    public static final int MAX_LENGTH = 1024;
    /** The query parameter carrying the compact label signature. */
    public static final String SIGNATURE_PARAM = "s";

    private static final Pattern SCHEME_AND_HOST =
            Pattern.compile("^(http|HTTP|https|HTTPS)://([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(?=/|$)");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private DigitalLink() {}

    public static ScannedCode parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "the Digital Link is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, "the Digital Link is longer than " + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 127 || "<>{}\\^`|\"".indexOf(c) >= 0) {
                throw new Gs1SyntaxException(
                        Gs1Error.CHARACTER_SET, "character not allowed in a URI at position " + (i + 1));
            }
        }
        String rest = text;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        var scheme = SCHEME_AND_HOST.matcher(rest);
        if (scheme.find()) {
            rest = rest.substring(scheme.end());
        } else if (rest.contains("://")) {
            throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the URI's scheme or host is not valid");
        } else if (!rest.startsWith("/")) {
            rest = "/" + rest;
        }
        if (rest.isEmpty() || rest.equals("/")) {
            throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the URI has no GS1 key path (/01/… or /00/…)");
        }
        if (rest.endsWith("/")) {
            throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the Digital Link path must not end with '/'");
        }
        String[] segments = rest.substring(1).split("/", -1);
        Gs1SyntaxException firstFailure = null;
        for (int start = 0; start < segments.length; start++) {
            if ((segments.length - start) % 2 != 0 || !isPrimaryKey(segments[start])) {
                continue;
            }
            try {
                return parseKeyPath(segments, start, query);
            } catch (Gs1SyntaxException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the URI has no GS1 key path (/01/… or /00/…)");
    }

    private static boolean isPrimaryKey(String segment) {
        return segment.equals("01") || segment.equals("00");
    }

    private static ScannedCode parseKeyPath(String[] segments, int start, String query) {
        Gtin gtin = null;
        Sscc sscc = null;
        Lot lot = null;
        Serial serial = null;
        int lastQualifierRank = 0;
        for (int i = start; i < segments.length; i += 2) {
            String ai = segments[i];
            String value = decode(segments[i + 1], false);
            if (i == start) {
                if (ai.equals("01")) {
                    gtin = new Gtin(value);
                } else {
                    sscc = new Sscc(value);
                }
                continue;
            }
            int rank = switch (ai) {
                case "10" -> 2;
                case "21" -> 3;
                case "22" -> throw unsupported(ai);
                default ->
                    throw new Gs1SyntaxException(
                            CheckDigit.isDigits(ai) ? Gs1Error.UNSUPPORTED_AI : Gs1Error.SYNTAX,
                            "path segment '" + ai + "' is not a key qualifier of " + segments[start]);
            };
            if (sscc != null) {
                throw new Gs1SyntaxException(Gs1Error.KEY_ORDER, "an SSCC (00) takes no key qualifiers");
            }
            if (rank <= lastQualifierRank) {
                throw new Gs1SyntaxException(
                        Gs1Error.KEY_ORDER, "key qualifiers must come in the order /10/{lot} then /21/{serial}");
            }
            lastQualifierRank = rank;
            if (rank == 2) {
                lot = new Lot(value);
            } else {
                serial = new Serial(value);
            }
        }
        Yymmdd expiry = null;
        String signature = null;
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            if (eq < 0) {
                if (CheckDigit.isDigits(key)) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "query attribute " + key + " has no value");
                }
                continue;
            }
            String raw = param.substring(eq + 1);
            if (key.equals(SIGNATURE_PARAM)) {
                if (signature != null) {
                    throw new Gs1SyntaxException(Gs1Error.DUPLICATE_AI, "the label signature appears twice");
                }
                if (!SIGNATURE.matcher(raw).matches()) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the label signature is not base64url");
                }
                signature = raw;
            } else if (CheckDigit.isDigits(key) && !key.isEmpty()) {
                if (raw.isEmpty()) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "query attribute " + key + " has no value");
                }
                if (!key.equals("17")) {
                    throw key.equals("10") || key.equals("21") || key.equals("01") || key.equals("22")
                            ? new Gs1SyntaxException(
                                    Gs1Error.KEY_ORDER, "AI " + key + " belongs in the path, not the query")
                            : unsupported(key);
                }
                if (expiry != null) {
                    throw new Gs1SyntaxException(Gs1Error.DUPLICATE_AI, "expiry (17) appears twice");
                }
                expiry = new Yymmdd(decode(raw, true));
            }
        }
        return ScannedCode.assemble(gtin, sscc, lot, serial, expiry, signature);
    }

    private static Gs1SyntaxException unsupported(String ai) {
        return new Gs1SyntaxException(Gs1Error.UNSUPPORTED_AI, "AI " + ai + " is not supported by this ledger");
    }

    /** A serial as it appears in a Digital Link path segment, percent-escapes decoded. */
    static String decodeSerial(String segment) {
        return decode(segment, false);
    }

    private static String decode(String value, boolean query) {
        if (value.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "a Digital Link value is empty");
        }
        if (query && value.indexOf('+') >= 0) {
            throw new Gs1SyntaxException(Gs1Error.CHARACTER_SET, "'+' in a query value means a space, not allowed");
        }
        if (value.indexOf('%') < 0) {
            return value;
        }
        var out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "truncated percent-escape");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Gs1SyntaxException(Gs1Error.SYNTAX, "invalid percent-escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The label URI: {@code {resolver}/01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD}, values percent-encoded. */
    public static String format(String resolverBase, ItemCode item, Lot lot, Yymmdd expiry) {
        var sb = new StringBuilder(
                resolverBase.endsWith("/") ? resolverBase.substring(0, resolverBase.length() - 1) : resolverBase);
        sb.append("/01/").append(item.gtin().value());
        if (lot != null) {
            sb.append("/10/").append(encode(lot.value()));
        }
        sb.append("/21/").append(encode(item.serial().value()));
        if (expiry != null) {
            sb.append("?17=").append(expiry.value());
        }
        return sb.toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    static String encode(String value) {
        var sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append(c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
