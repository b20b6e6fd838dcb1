package dev.custodyledger.fold;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The fold's lifecycle as a pure policy: from the phase it is in and what it has been told, the phase it moves to
 * next. No I/O, no clock, no threads; {@link FoldEngine} does each phase's work and asks this before every
 * step, so that every transition is decided here and nowhere else.
 */
final class Lifecycle {
    /** What the folding thread knows before a step. */
    record Signals(boolean leaseHeld, boolean rebuildAsked, boolean restoreAsked, boolean failed, boolean stopAsked) {}

    private static final Map<Phase, Set<Phase>> ALLOWED = Map.of(
            Phase.STARTING, EnumSet.of(Phase.RESTORING, Phase.REBUILDING, Phase.STOPPED),
            Phase.RESTORING, EnumSet.of(Phase.RESTORING, Phase.FOLLOWING, Phase.WRITING, Phase.STOPPED),
            Phase.FOLLOWING, EnumSet.of(Phase.FOLLOWING, Phase.RESTORING, Phase.STOPPED),
            Phase.WRITING, EnumSet.of(Phase.WRITING, Phase.FOLLOWING, Phase.RESTORING, Phase.REBUILDING, Phase.STOPPED),
            Phase.REBUILDING, EnumSet.of(Phase.RESTORING, Phase.STOPPED),
            Phase.STOPPED, EnumSet.of(Phase.STOPPED));

    private Lifecycle() {}

    /**
     * The next phase. {@code from} is the phase whose work was just done (a restore, a poll, a rebuild) or, for
     * {@link Phase#STARTING}, the lease's first decision awaited.
     */
    static Phase next(Phase from, Signals s) {
        Phase to = decide(from, s);
        if (!allowed(from, to)) {
            throw new IllegalStateException("no transition from " + from + " to " + to);
        }
        return to;
    }

    /** Whether the lifecycle ever moves {@code from} to {@code to}: the diagram on {@link Phase}, as data. */
    static boolean allowed(Phase from, Phase to) {
        return ALLOWED.get(from).contains(to);
    }

    private static Phase decide(Phase from, Signals s) {
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
