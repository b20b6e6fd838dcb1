package dev.custodyledger.core.event;

import dev.custodyledger.core.gs1.UnitCode;
import java.util.HashSet;
import java.util.List;

final class Units {
    private Units() {}

    static <T extends UnitCode> List<T> requireDistinct(List<T> units) {
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException("units must not be empty");
        }
        if (units.size() > CustodyEvent.MAX_UNITS) {
            throw new IllegalArgumentException("more than " + CustodyEvent.MAX_UNITS + " units in one event");
        }
        if (new HashSet<>(units).size() != units.size()) {
            throw new IllegalArgumentException("units repeat");
        }
        return List.copyOf(units);
    }
}
