package dev.custodyledger.core.gs1;

/** A serialised trade item: GTIN + serial. */
public record ItemCode(Gtin gtin, Serial serial) implements UnitCode {
    public ItemCode {
        if (gtin == null || serial == null) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "an item needs a GTIN and a serial");
        }
    }

    /** The serial percent-encoded as in a Digital Link path, so that a {@code /} in it cannot read as a path. */
    @Override
    public String path() {
        return "01/" + gtin.value() + "/21/" + DigitalLink.encode(serial.value());
    }

    @Override
    public String toString() {
        return path();
    }
}
