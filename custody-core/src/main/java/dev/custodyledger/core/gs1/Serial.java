package dev.custodyledger.core.gs1;

/** A serial number (AI 21): 1 to 20 characters of GS1 CSET 82; letter case is significant. */
public record Serial(String value) {
    public Serial {
        Cset82.require(value, 20, "serial");
    }

    public static Serial of(String value) {
        return new Serial(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
