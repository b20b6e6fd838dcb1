package dev.custodyledger.core.tlog;

/** A proof, checkpoint or note that does not verify, with what about it is wrong. */
public final class ProofException extends Exception {
    public ProofException(String message) {
        super(message);
    }
}
