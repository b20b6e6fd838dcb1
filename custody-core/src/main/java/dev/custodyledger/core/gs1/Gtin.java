package dev.custodyledger.core.gs1;

/** A GTIN-14 (AI 01) with a verified check digit. */
public record Gtin(String value) {
    public Gtin {
        CheckDigit.require(value, 14, "GTIN");
    }

    public static Gtin of(String value) {
        return new Gtin(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
