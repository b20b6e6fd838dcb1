package dev.custodyledger.system.chaos;

import java.time.Duration;
import java.util.Random;

/**
 * Which fault comes next, and how long the system is left alone after it healed: drawn from one seed, so a soak
 * that found something replays the same faults in the same order. Pure (no clock, no processes): the {@link
 * Nemesis} asks it for the next fault and injects it. Replica faults strike the lease holder half of the time,
 * as the holder is the replica whose loss costs most (the projections stop until another takes the lease).
 */
final class NemesisPlan {
    private final Random random;
    private final int replicas;

    NemesisPlan(long seed, int replicas) {
        this.random = new Random(seed);
        this.replicas = replicas;
    }

    /** The next fault to inject. */
    Fault next() {
        int roll = random.nextInt(100);
        if (roll < 22) {
            return new Fault.Crash(replica(), seconds(1, 4));
        }
        if (roll < 40) {
            return new Fault.Pause(replica(), seconds(2, 8));
        }
        if (roll < 50) {
            return new Fault.Restart(replica());
        }
        if (roll < 56) {
            return new Fault.Crash(new Target.Broker(), seconds(1, 4));
        }
        if (roll < 61) {
            return new Fault.Pause(new Target.Broker(), seconds(2, 6));
        }
        if (roll < 66) {
            return new Fault.Crash(new Target.Database(), seconds(1, 4));
        }
        if (roll < 71) {
            return new Fault.Pause(new Target.Database(), seconds(2, 6));
        }
        if (roll < 74) {
            return new Fault.Restart(random.nextBoolean() ? new Target.Broker() : new Target.Database());
        }
        if (roll < 86) {
            return new Fault.Slow(link(), 20 + random.nextInt(280), seconds(4, 12));
        }
        if (roll < 95) {
            return new Fault.Stall(link(), seconds(2, 8));
        }
        return new Fault.Cut(link());
    }

    /** How long the system runs without faults after one healed. */
    Duration quiet() {
        return seconds(2, 6);
    }

    private Target replica() {
        Target.Service service = random.nextBoolean() ? Target.Service.LEDGER : Target.Service.SCAN;
        if (random.nextBoolean()) {
            return new Target.LeaseHolder(service);
        }
        return new Target.Replica(service, 1 + random.nextInt(replicas));
    }

    private Target.Link link() {
        return random.nextBoolean() ? Target.Link.BROKER : Target.Link.DATABASE;
    }

    private Duration seconds(int from, int to) {
        return Duration.ofMillis(from * 1000L + random.nextInt((to - from) * 1000 + 1));
    }
}
