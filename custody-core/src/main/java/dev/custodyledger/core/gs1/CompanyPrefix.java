package dev.custodyledger.core.gs1;

/**
 * A GS1 company prefix (6 to 12 digits, in GTIN-13 form). A producer may commission and recall only GTINs
 * under its own prefixes: this is what stops a counterfeiter from commissioning a famous brand's GTINs.
 */
public record CompanyPrefix(String value) {
    public CompanyPrefix {
        if (value == null || !CheckDigit.isDigits(value) || value.length() < 6 || value.length() > 12) {
            throw new Gs1SyntaxException(Gs1Error.SYNTAX, "company prefix must be 6 to 12 digits");
        }
    }

    /** GTIN-14 is indicator digit + prefix + item reference + check digit. */
    public boolean owns(Gtin gtin) {
        return gtin.value().startsWith(value, 1);
    }

    /** SSCC is extension digit + prefix + serial reference + check digit. */
    public boolean owns(Sscc sscc) {
        return sscc.value().startsWith(value, 1);
    }

    /** Two prefixes overlap when one starts with the other: their GTIN spaces intersect. */
    public boolean overlaps(CompanyPrefix other) {
        return value.startsWith(other.value) || other.value.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
