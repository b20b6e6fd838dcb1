package dev.custodyledger.core.fold;

import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The current state of one unit. Items carry the product data they were commissioned with and name their lot,
 * which is looked up where the unit was read, so that it is always the lot as it stands; containers carry their
 * children. While a handoff is pending the sender stays custodian and {@link #pendingTo()} names the receiver.
 * Mutable by the fold alone, on an object of its own ({@link #copy}), which it then puts in the state.
 */
public final class UnitState {
    private final UnitCode code;
    private final long createdSeq;
    private final LotKey lotKey;
    private final LocalDate expiry;
    private final Product product;
    private final Set<UnitCode> children;
    private Function<LotKey, LotState> lots;
    PartyId custodian;
    PartyId pendingTo;
    long pendingSeq;
    ContainerCode parent;
    UnitStatus status = UnitStatus.ACTIVE;
    long statusSeq;
    long recalledSeq;
    String recallReason;
    long lastSeq;

    UnitState(UnitCode code, long createdSeq, PartyId custodian, LotKey lot, LocalDate expiry, Product product) {
        this.code = code;
        this.createdSeq = createdSeq;
        this.custodian = custodian;
        this.lotKey = lot;
        this.expiry = expiry;
        this.product = product;
        this.children = code instanceof ContainerCode ? new LinkedHashSet<>() : null;
        this.lastSeq = createdSeq;
    }

    /** An object of the caller's own with the same state, its lot looked up where it was read. */
    UnitState copy() {
        var copy = new UnitState(code, createdSeq, custodian, lotKey, expiry, product);
        if (children != null) {
            copy.children.addAll(children);
        }
        copy.pendingTo = pendingTo;
        copy.pendingSeq = pendingSeq;
        copy.parent = parent;
        copy.status = status;
        copy.statusSeq = statusSeq;
        copy.recalledSeq = recalledSeq;
        copy.recallReason = recallReason;
        copy.lastSeq = lastSeq;
        copy.lots = lots;
        return copy;
    }

    /** Where {@link #lot()} looks: the state that handed the unit out. */
    UnitState lotsFrom(Function<LotKey, LotState> lookup) {
        this.lots = lookup;
        return this;
    }

    public UnitCode code() {
        return code;
    }

    public boolean isContainer() {
        return children != null;
    }

    public ItemCode item() {
        return code instanceof ItemCode item ? item : null;
    }

    public long createdSeq() {
        return createdSeq;
    }

    public PartyId custodian() {
        return custodian;
    }

    public PartyId pendingTo() {
        return pendingTo;
    }

    public long pendingSeq() {
        return pendingSeq;
    }

    public boolean inTransit() {
        return pendingTo != null;
    }

    public ContainerCode parent() {
        return parent;
    }

    public UnitStatus status() {
        return status;
    }

    public long statusSeq() {
        return statusSeq;
    }

    /** The lot this item belongs to, as it stands; null for containers. */
    public LotState lot() {
        return lotKey == null ? null : lots.apply(lotKey);
    }

    /** The key of this item's lot; null for containers. */
    public LotKey lotKey() {
        return lotKey;
    }

    public LocalDate expiry() {
        return expiry;
    }

    public Product product() {
        return product;
    }

    public Set<UnitCode> children() {
        return children == null ? Set.of() : Collections.unmodifiableSet(children);
    }

    Set<UnitCode> mutableChildren() {
        return children;
    }

    /** Recalled on its own or through its lot. */
    public boolean recalled() {
        if (recalledSeq > 0) {
            return true;
        }
        LotState lot = lot();
        return lot != null && lot.recalled();
    }

    public long unitRecalledSeq() {
        return recalledSeq;
    }

    public String recallReason() {
        if (recalledSeq > 0) {
            return recallReason;
        }
        LotState lot = lot();
        return lot != null ? lot.recallReason() : null;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
