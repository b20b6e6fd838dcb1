package dev.custodyledger.fold;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.Rejection;
import dev.custodyledger.core.fold.TrustAnchor;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The fold as a service's resources see it: read-only, at the position the fold has reached. */
public interface LedgerView {
    TrustAnchor anchor();

    /** Runs {@code reader} against the state as it stands. */
    <T> T read(Function<CustodyState, T> reader);

    /**
     * Runs {@code reader} only if the state is current: a rewound state would judge valid parties as unknown.
     *
     * @throws NotCurrentException while the fold is behind the log
     */
    <T> T readCurrent(Function<CustodyState, T> reader);

    /** Intake's pre-check: the rules against the current state, the signature verified. */
    Optional<Rejection> precheck(SignedEvent event, Instant now);

    /** Whether the state is current enough to decide on. */
    boolean current();

    /** Where the fold stands, with the state's digest: a published value, it never waits on the fold. */
    Head head();

    /** The log offset the fold reads next: every record before it is folded (transaction markers included). */
    long logPosition();
}
