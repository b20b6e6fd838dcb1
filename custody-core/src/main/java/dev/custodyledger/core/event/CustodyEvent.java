package dev.custodyledger.core.event;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The events of the ledger, as immutable values. The JSON form is {@link EventJson}'s business. */
public sealed interface CustodyEvent {
    /** Units in one event, at most; label-service commissions in chunks of this size. */
    int MAX_UNITS = 10_000;

    EventHeader header();

    /** The units the event names directly, in the order given; empty for registry events. */
    default List<? extends UnitCode> units() {
        return List.of();
    }

    default EventType type() {
        return header().type();
    }

    /** The operator's registry of parties and keys, on which every check of the other events stands. */
    sealed interface RegistryEvent extends CustodyEvent {}

    /** What happens to units: commissioning, packing, custody and the end of their life in the supply chain. */
    sealed interface UnitEvent extends CustodyEvent {}

    record PartyRegistered(EventHeader header, PartyProfile party) implements RegistryEvent {}

    record KeyAdded(EventHeader header, PartyId party, Ed25519PublicKey publicKey, KeyPurpose purpose)
            implements RegistryEvent {}

    record KeyRevoked(EventHeader header, PartyId party, KeyId revokedKey, String reason) implements RegistryEvent {}

    record PartySuspended(EventHeader header, PartyId party, String reason) implements RegistryEvent {}

    record Commission(EventHeader header, List<ItemCode> units, Lot lot, LocalDate expiry, Product product)
            implements UnitEvent {
        public Commission {
            units = Units.requireDistinct(units);
            Objects.requireNonNull(lot, "lot");
            Objects.requireNonNull(expiry, "expiry");
            Objects.requireNonNull(product, "product");
        }
    }

    record Pack(EventHeader header, ContainerCode container, List<UnitCode> units) implements UnitEvent {
        public Pack {
            units = Units.requireDistinct(units);
            if (units.contains(container)) {
                throw new IllegalArgumentException("a container cannot be packed into itself");
            }
        }
    }

    /** Takes the listed units, or all of them when the list is empty, out of the container. */
    record Unpack(EventHeader header, ContainerCode container, List<UnitCode> units) implements UnitEvent {
        public Unpack {
            units = units.isEmpty() ? List.of() : Units.requireDistinct(units);
        }
    }

    record Handoff(EventHeader header, List<UnitCode> units, PartyId to) implements UnitEvent {
        public Handoff {
            units = Units.requireDistinct(units);
            if (to.equals(header.actor())) {
                throw new IllegalArgumentException("a party cannot hand off to itself");
            }
        }
    }

    record Receive(EventHeader header, List<UnitCode> units) implements UnitEvent {
        public Receive {
            units = Units.requireDistinct(units);
        }
    }

    record Refuse(EventHeader header, List<UnitCode> units, String reason) implements UnitEvent {
        public Refuse {
            units = Units.requireDistinct(units);
        }
    }

    record Sell(EventHeader header, List<ItemCode> units) implements UnitEvent {
        public Sell {
            units = Units.requireDistinct(units);
        }
    }

    /** Recalls a whole lot ({@code gtin} + {@code lot}, no units) or the listed units. */
    record Recall(EventHeader header, Gtin gtin, Lot lot, List<ItemCode> units, String reason) implements UnitEvent {
        public Recall {
            Text.require(reason, "reason", 500);
            boolean byLot = gtin != null && lot != null;
            if (byLot == !units.isEmpty() || (gtin == null) != (lot == null)) {
                throw new IllegalArgumentException("a recall names either gtin and lot, or units");
            }
            units = units.isEmpty() ? List.of() : Units.requireDistinct(units);
        }

        public boolean byLot() {
            return gtin != null;
        }
    }

    record Report(EventHeader header, List<UnitCode> units, Disposition disposition, String reason)
            implements UnitEvent {
        public Report {
            units = Units.requireDistinct(units);
            Objects.requireNonNull(disposition, "disposition");
        }
    }
}
