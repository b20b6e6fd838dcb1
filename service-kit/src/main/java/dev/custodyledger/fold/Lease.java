package dev.custodyledger.fold;

/** Whether this replica writes the read model: at most one replica of a service holds the lease at a time. */
interface Lease extends AutoCloseable {
    boolean held();

    /** Waits, bounded, for the first decision on whether this replica holds the lease. */
    void awaitFirstDecision();

    @Override
    void close();
}
