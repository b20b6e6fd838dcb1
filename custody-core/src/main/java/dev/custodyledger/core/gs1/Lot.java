package dev.custodyledger.core.gs1;

/** A batch or lot number (AI 10): 1 to 20 characters of GS1 CSET 82. */
public record Lot(String value) {
    public Lot {
        Cset82.require(value, 20, "lot");
    }

    public static Lot of(String value) {
        return new Lot(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
