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

/**
 * The current state of one unit. Items carry the product data they were commissioned with; containers carry
 * their children. While a handoff is pending the sender stays custodian and {@link #pendingTo()} names the
 * receiver.
 */
public final class UnitState {
    private final UnitCode code;
    private final long createdSeq;
    private final LotState lot;
    private final LocalDate expiry;
    private final Product product;
    private final Set<UnitCode> children;
    PartyId custodian;
    PartyId pendingTo;
    long pendingSeq;
    ContainerCode parent;
    UnitStatus status = UnitStatus.ACTIVE;
    long statusSeq;
    long recalledSeq;
    String recallReason;
    long lastSeq;

    UnitState(UnitCode code, long createdSeq, PartyId custodian, LotState lot, LocalDate expiry, Product product) {
        this.code = code;
        this.createdSeq = createdSeq;
        this.custodian = custodian;
        this.lot = lot;
        this.expiry = expiry;
        this.product = product;
        this.children = code instanceof ContainerCode ? new LinkedHashSet<>() : null;
        this.lastSeq = createdSeq;
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

    /** The lot this item belongs to; null for containers. */
    public LotState lot() {
        return lot;
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
        return recalledSeq > 0 || (lot != null && lot.recalled());
    }

    public long unitRecalledSeq() {
        return recalledSeq;
    }

    public String recallReason() {
        return recalledSeq > 0 ? recallReason : lot != null ? lot.recallReason() : null;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
