package dev.custodyledger.system.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every request of the soak and its answer, as the clients record them, from any thread. */
final class History {
    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    void add(Op op) {
        ops.add(op);
    }

    /** All of it, in order of the requests' start. */
    List<Op> ops() {
        var all = new ArrayList<>(ops);
        all.sort(Comparator.comparingLong(Op::start));
        return all;
    }
}
