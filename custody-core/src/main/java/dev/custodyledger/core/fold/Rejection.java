package dev.custodyledger.core.fold;

/** A rule the event breaks: a code and a message that names the unit or party concerned. */
public final class Rejection extends Exception {
    private final RejectionCode code;

    public Rejection(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
