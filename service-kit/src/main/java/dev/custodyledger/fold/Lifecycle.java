package dev.custodyledger.fold;

/**
 * The fold's lifecycle as a pure policy: from the phase it is in and what it has been told, the phase it moves to
 * next. No I/O, no clock, no threads; {@link FoldEngine} does each phase's work and asks this before every
 * step, so that every transition is decided here and nowhere else.
 */
final class Lifecycle {
    /** What the folding thread knows before a step. */
    record Signals(boolean leaseHeld, boolean rebuildAsked, boolean restoreAsked, boolean failed, boolean stopAsked) {}

    private Lifecycle() {}

    /**
     * The next phase. {@code from} is the phase whose work was just done (a restore, a poll, a rebuild) or, for
     * {@link Phase#STARTING}, the lease's first decision awaited. Every move it makes is one the diagram on
     * {@link Phase} has, for every phase and every signal ({@code LifecycleProperties}).
     */
    static Phase next(Phase from, Signals s) {
        if (s.stopAsked() || from == Phase.STOPPED) {
            return Phase.STOPPED;
        }
        return switch (from) {
            // A rebuild asked for at start needs no checkpoint loaded first: it empties what a restore would read.
            case STARTING -> s.rebuildAsked() && s.leaseHeld() ? Phase.REBUILDING : Phase.RESTORING;
            case REBUILDING -> Phase.RESTORING;
            // A restore that failed is tried again; one that worked continues as the lease says.
            case RESTORING -> s.failed() ? Phase.RESTORING : s.leaseHeld() ? Phase.WRITING : Phase.FOLLOWING;
            // Taking the lease over restores first: writing continues exactly where the stored read model stands.
            case FOLLOWING -> s.failed() || s.restoreAsked() || s.leaseHeld() ? Phase.RESTORING : Phase.FOLLOWING;
            case WRITING -> {
                if (s.failed() || s.restoreAsked()) {
                    yield Phase.RESTORING;
                }
                if (!s.leaseHeld()) {
                    yield Phase.FOLLOWING;
                }
                yield s.rebuildAsked() ? Phase.REBUILDING : Phase.WRITING;
            }
            case STOPPED -> Phase.STOPPED;
        };
    }
}
