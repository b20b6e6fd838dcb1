package dev.custodyledger.core.gs1;

/** A code could not be parsed; {@link #error()} says which rule it broke, the message says where. */
public final class Gs1SyntaxException extends IllegalArgumentException {
    private final Gs1Error error;

    public Gs1SyntaxException(Gs1Error error, String message) {
        super(message);
        this.error = error;
    }

    public Gs1Error error() {
        return error;
    }
}
