package dev.custodyledger.core.event;

/** An envelope or event that is not well-formed; the message names the field and is safe to return. */
public final class MalformedEventException extends IllegalArgumentException {
    public MalformedEventException(String message) {
        super(message);
    }
}
