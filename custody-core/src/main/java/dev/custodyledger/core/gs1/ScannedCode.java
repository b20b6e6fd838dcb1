package dev.custodyledger.core.gs1;

import java.util.Optional;

/**
 * What a scanner read, once parsed: the unit plus the lot, expiry and label signature the code carried. The
 * lot and expiry are claims of the printed label; a verifier compares them with the ledger.
 */
public record ScannedCode(UnitCode unit, Lot lot, Yymmdd expiry, String labelSignature) {

    public ScannedCode {
        if (unit == null) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "a code must name a unit");
        }
    }

    public Optional<Lot> printedLot() {
        return Optional.ofNullable(lot);
    }

    public Optional<Yymmdd> printedExpiry() {
        return Optional.ofNullable(expiry);
    }

    public Optional<String> signature() {
        return Optional.ofNullable(labelSignature);
    }

    /** Whatever a scanner or a camera app hands over: a Digital Link URI or path, or a GS1 element string. */
    public static ScannedCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "the code is empty");
        }
        if (text.length() > DigitalLink.MAX_LENGTH) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, "the code is longer than " + DigitalLink.MAX_LENGTH);
        }
        String trimmed = text.strip();
        char first = trimmed.charAt(0);
        boolean looksLikeElementString = first == '('
                || first == ']'
                || first == '^'
                || first == ElementString.GS
                || CheckDigit.isDigits(trimmed.substring(0, Math.min(trimmed.length(), 16)))
                        && trimmed.indexOf('/') < 0;
        return looksLikeElementString ? ElementString.parse(trimmed) : DigitalLink.parse(trimmed);
    }

    static ScannedCode assemble(Gtin gtin, Sscc sscc, Lot lot, Serial serial, Yymmdd expiry, String sig) {
        if (sscc != null) {
            if (gtin != null || lot != null || serial != null || expiry != null) {
                throw new Gs1SyntaxException(
                        Gs1Error.SYNTAX, "an SSCC (00) code must not carry a GTIN, lot, serial or expiry");
            }
            return new ScannedCode(new ContainerCode(sscc), null, null, sig);
        }
        if (gtin == null) {
            throw new Gs1SyntaxException(Gs1Error.SYNTAX, "the code has neither a GTIN (01) nor an SSCC (00)");
        }
        if (serial == null) {
            throw new Gs1SyntaxException(
                    Gs1Error.NOT_SERIALISED,
                    "GTIN " + gtin + " has no serial (AI 21): it names a product, not a unit that can be verified");
        }
        return new ScannedCode(new ItemCode(gtin, serial), lot, expiry, sig);
    }
}
