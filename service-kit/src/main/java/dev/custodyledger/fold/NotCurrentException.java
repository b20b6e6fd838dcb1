package dev.custodyledger.fold;

/** The state is behind the log (starting, or refolding after a restore): nothing may be decided on it yet. */
public final class NotCurrentException extends IllegalStateException {
    NotCurrentException() {
        super("the fold is catching up with its log");
    }
}
