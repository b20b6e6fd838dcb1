package dev.custodyledger.core.json;

/** Input that is not JSON this system accepts. The message is safe to show to the sender. */
public final class JsonFormatException extends IllegalArgumentException {
    public JsonFormatException(String message) {
        super(message);
    }
}
