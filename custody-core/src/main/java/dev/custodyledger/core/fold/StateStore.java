package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.util.Collection;
import java.util.List;

/**
 * Where the fold's committed state lives: the narrow interface between the custody rules and a store (ADR 26).
 * Reads see the state as of {@link #position()}; {@link #apply} moves it to the next position atomically, every
 * change of a generation with its position or none of them. Readers may call from several threads at once;
 * one thread applies.
 *
 * <p>Lifecycle: <em>empty</em> ({@link #position()} is null) → <em>at genesis</em> (the first apply, which
 * {@link CustodyState#open} makes) → <em>folding</em>, one generation at a time → closed.
 */
public interface StateStore extends AutoCloseable {
    /** The position of the last applied generation; null while the store is empty. */
    FoldPosition position();

    /** The unit as stored, as an object of the caller's own (a change to it changes nothing here). */
    UnitState unit(UnitCode code);

    LotState lot(LotKey key);

    /** The units commissioned into {@code lot}, in the order they were. */
    List<UnitCode> unitsOf(LotKey lot);

    Decision decision(EventId id);

    PartyState party(PartyId id);

    KeyState key(KeyId id);

    /** Every registered party: a ledger has thousands, not billions; the fold keeps them at hand. */
    Collection<PartyState> parties();

    Collection<KeyState> keys();

    /** Applies one generation of changes and its position, atomically. */
    void apply(ChangeSet changes);

    @Override
    void close();
}
