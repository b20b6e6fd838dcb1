package dev.custodyledger.fold;

import java.util.function.BooleanSupplier;

/** A lease the test hands out and takes back. */
final class FakeLease implements Lease {
    private final BooleanSupplier held;

    FakeLease(BooleanSupplier held) {
        this.held = held;
    }

    @Override
    public boolean held() {
        return held.getAsBoolean();
    }

    @Override
    public void awaitFirstDecision() {}

    @Override
    public void close() {}
}
