package dev.custodyledger.fold;

/**
 * Where a service's fold of the ledger stands. One thread folds; {@link Lifecycle} decides every move between
 * phases, in one place:
 *
 * <pre>
 * STARTING ──► RESTORING ──► FOLLOWING (lease held elsewhere)
 *    │            ▲   └─────► WRITING   (lease held here)
 *    │            │
 *    │            ├── from FOLLOWING: a failure, a restore asked for, the lease gained
 *    │            ├── from WRITING: a failure, a restore asked for   (lease lost: WRITING ──► FOLLOWING)
 *    │            └── from REBUILDING, once the read model is empty  (WRITING ──► REBUILDING when asked)
 *    └──► REBUILDING when asked for at start and the lease is held here
 * any phase ──► STOPPED
 * </pre>
 */
public enum Phase {
    /** Waiting for the lease group's first word on whether this replica writes (at most its session timeout). */
    STARTING,
    /** Loading the newest checkpoint and seeking the log to it: on start, after a failure, on taking the lease. */
    RESTORING,
    /** Folding the log read-only: another replica holds the lease and writes the read model. */
    FOLLOWING,
    /** Folding the log and writing the read model behind the fold, fenced by its stored position. */
    WRITING,
    /** Emptying the read model to build it again from the first record (only the lease holder rebuilds). */
    REBUILDING,
    /** Stopped for good. */
    STOPPED;

    /** Folding records in this phase (and so possibly current enough to decide on). */
    public boolean folds() {
        return this == FOLLOWING || this == WRITING;
    }
}
