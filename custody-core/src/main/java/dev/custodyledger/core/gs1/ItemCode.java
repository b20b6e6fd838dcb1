package dev.custodyledger.core.gs1;

/** A serialised trade item: GTIN + serial. */
public record ItemCode(Gtin gtin, Serial serial) implements UnitCode {
    public ItemCode {
        if (gtin == null || serial == null) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "an item needs a GTIN and a serial");
        }
    }

    @Override
    public String path() {
        return "01/" + gtin.value() + "/21/" + serial.value();
    }

    @Override
    public String toString() {
        return path();
    }
}
