package dev.custodyledger.core.gs1;

/**
 * What custody is held over: a serialised item (GTIN + serial) or a container (SSCC). Its canonical text is the
 * GS1 Digital Link path without the leading slash, e.g. {@code 01/09506000134352/21/7Q2K9X4MZ3} or
 * {@code 00/106141411234567897}. The serial is percent-encoded as Digital Link encodes it (everything but RFC 3986
 * unreserved characters, upper-case hex), and only that spelling is accepted, so each unit has one id.
 */
public sealed interface UnitCode permits ItemCode, ContainerCode {

    /** {@code 01/} + 14 digits + {@code /21/} + a 20-character serial with every character percent-encoded. */
    int MAX_LENGTH = 81;

    String path();

    /** Parses the canonical path form, strictly. */
    static UnitCode parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "unit code is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, "unit code is too long");
        }
        String[] parts = path.split("/", -1);
        if (parts.length == 2 && parts[0].equals("00")) {
            return new ContainerCode(new Sscc(parts[1]));
        }
        if (parts.length == 4 && parts[0].equals("01") && parts[2].equals("21")) {
            ItemCode item = new ItemCode(new Gtin(parts[1]), new Serial(DigitalLink.decodeSerial(parts[3])));
            if (!item.path().equals(path)) {
                throw new Gs1SyntaxException(
                        Gs1Error.SYNTAX,
                        "a unit code spells its serial percent-encoded, as " + item.path() + ", not as " + path);
            }
            return item;
        }
        throw new Gs1SyntaxException(
                Gs1Error.SYNTAX, "unit code must be 01/{gtin14}/21/{serial} or 00/{sscc}: " + path);
    }
}
