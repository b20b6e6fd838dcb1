package dev.custodyledger.system.chaos;

import java.time.Duration;

/**
 * One fault the nemesis injects and then heals. Every fault ends: a crash with a start after {@code down}, a pause
 * with SIGCONT, a degraded link with its healing; so each kind's recovery can be measured on its own.
 */
sealed interface Fault {
    /** The name a report groups faults by. */
    String kind();

    /** SIGKILL, then a start after {@code down}. */
    record Crash(Target target, Duration down) implements Fault {
        @Override
        public String kind() {
            return "crash " + group(target);
        }
    }

    /** SIGSTOP, then SIGCONT after {@code length}: a process that froze (a long GC pause, an overloaded host). */
    record Pause(Target target, Duration length) implements Fault {
        @Override
        public String kind() {
            return "pause " + group(target);
        }
    }

    /** A graceful stop (SIGTERM) and a start again at once: a rolling restart. */
    record Restart(Target target) implements Fault {
        @Override
        public String kind() {
            return "restart " + group(target);
        }
    }

    /** Every chunk each way on the link waits {@code delayMillis}, for {@code length}. */
    record Slow(Target.Link link, long delayMillis, Duration length) implements Fault {
        @Override
        public String kind() {
            return "slow link to " + name(link);
        }
    }

    /** Nothing passes on the link for {@code length}: how a burst of packet loss looks to TCP. */
    record Stall(Target.Link link, Duration length) implements Fault {
        @Override
        public String kind() {
            return "stalled link to " + name(link);
        }
    }

    /** Every open connection on the link is reset. */
    record Cut(Target.Link link) implements Fault {
        @Override
        public String kind() {
            return "connections cut to " + name(link);
        }
    }

    private static String group(Target target) {
        return switch (target) {
            case Target.Replica r -> r.service().module + " replica";
            case Target.LeaseHolder l -> l.service().module + " lease holder";
            case Target.Broker b -> "kafka";
            case Target.Database d -> "postgres";
        };
    }

    private static String name(Target.Link link) {
        return switch (link) {
            case BROKER -> "kafka";
            case DATABASE -> "postgres";
        };
    }
}
