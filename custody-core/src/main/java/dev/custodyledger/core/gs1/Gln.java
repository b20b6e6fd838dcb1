package dev.custodyledger.core.gs1;

/** A Global Location Number: 13 digits with a verified check digit. */
public record Gln(String value) {
    public Gln {
        CheckDigit.require(value, 13, "GLN");
    }

    @Override
    public String toString() {
        return value;
    }
}
