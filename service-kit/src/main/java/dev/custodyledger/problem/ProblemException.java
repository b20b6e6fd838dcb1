package dev.custodyledger.problem;

/** Thrown by adapters to answer with a problem+json; the message is shown to the client. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ProblemCode code, String detail) {
        this(Problem.of(code, detail));
    }

    public Problem problem() {
        return problem;
    }
}
