package dev.custodyledger.core.gs1;

/**
 * What custody is held over: a serialised item (GTIN + serial) or a container (SSCC). Its canonical text is the
 * GS1 Digital Link path without the leading slash, e.g. {@code 01/09506000134352/21/7Q2K9X4MZ3} or
 * {@code 00/106141411234567897}.
 */
public sealed interface UnitCode permits ItemCode, ContainerCode {

    String path();

    /** Parses the canonical path form, strictly. */
    static UnitCode parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "unit code is empty");
        }
        if (path.length() > 48) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, "unit code is too long");
        }
        String[] parts = path.split("/", -1);
        if (parts.length == 2 && parts[0].equals("00")) {
            return new ContainerCode(new Sscc(parts[1]));
        }
        if (parts.length == 4 && parts[0].equals("01") && parts[2].equals("21")) {
            return new ItemCode(new Gtin(parts[1]), new Serial(parts[3]));
        }
        throw new Gs1SyntaxException(
                Gs1Error.SYNTAX, "unit code must be 01/{gtin14}/21/{serial} or 00/{sscc}: " + path);
    }
}
