package dev.custodyledger.core.gs1;

/** A logistic unit (case, pallet) identified by its SSCC. */
public record ContainerCode(Sscc sscc) implements UnitCode {
    public ContainerCode {
        if (sscc == null) {
            throw new Gs1SyntaxException(Gs1Error.EMPTY, "a container needs an SSCC");
        }
    }

    @Override
    public String path() {
        return "00/" + sscc.value();
    }

    @Override
    public String toString() {
        return path();
    }
}
