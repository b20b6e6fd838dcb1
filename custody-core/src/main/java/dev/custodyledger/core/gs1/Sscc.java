package dev.custodyledger.core.gs1;

/** A Serial Shipping Container Code (AI 00): 18 digits with a verified check digit. */
public record Sscc(String value) {
    public Sscc {
        CheckDigit.require(value, 18, "SSCC");
    }

    public static Sscc of(String value) {
        return new Sscc(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
