package dev.custodyledger.core.testing;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.EntryCodec;
import dev.custodyledger.core.fold.FoldScope;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.MemoryStateStore;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.SignatureCheck;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.UnitCode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Folds a log as a service does: in generations sealed, committed (the newest, or with a lag), discarded and
 * refolded from the store, or the store reopened, at given points. Whatever the points and the store, the
 * outcomes, the commitment and the units must be the straight fold's.
 */
public final class GenerationalFold {
    public enum Move {
        SEAL,
        COMMIT,
        DISCARD,
        REOPEN
    }

    /** Before folding record {@code at}: {@code move}, committing up to {@code lag} records behind for COMMIT. */
    public record Cut(int at, Move move, int lag) {}

    /**
     * What a fold leaves: every record's outcome as first decided, the final commitment, every unit's bytes and
     * the registry's (parties and keys, in order).
     */
    public record Result(List<String> outcomes, String commitment, Map<UnitCode, String> units, String registry) {

        /**
         * What a {@link FoldScope#REGISTRY} fold of {@code log} must leave, from this whole-ledger fold of it: the
         * registry's records decided alike, every other one passed, the same registry and no unit.
         */
        public Result seenByRegistry(List<LedgerRecord> log) {
            List<String> passed = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                String[] seqAndId = outcomes.get(i).split(" ", 3);
                passed.add(
                        FoldScope.REGISTRY.decides(log.get(i))
                                ? outcomes.get(i)
                                : seqAndId[0] + " " + seqAndId[1] + " passed [] []");
            }
            Map<UnitCode, String> none = new LinkedHashMap<>();
            units.keySet().forEach(code -> none.put(code, "-"));
            return new Result(passed, null, none, registry);
        }
    }

    private GenerationalFold() {}

    public static Arbitrary<List<Cut>> cuts() {
        // Within the logs' length, and most commits of everything sealed, so that what a commit wrote is read again.
        Arbitrary<Cut> cut = Combinators.combine(
                        Arbitraries.integers().between(0, 45),
                        Arbitraries.of(Move.class),
                        Arbitraries.of(0, 0, 0, 1, 4))
                .as(Cut::new);
        return cut.list().ofMaxSize(16);
    }

    /** Folds {@code log} on one state in the heap, from start to end. */
    public static Result straight(TrustAnchor anchor, List<LedgerRecord> log, List<UnitCode> units) {
        return straight(anchor, FoldScope.LEDGER, log, units);
    }

    /** As {@link #straight(TrustAnchor, List, List)}, deciding only the records of {@code scope}. */
    public static Result straight(TrustAnchor anchor, FoldScope scope, List<LedgerRecord> log, List<UnitCode> units) {
        CustodyFold fold = open(new MemoryStateStore(), anchor, scope);
        List<String> outcomes = new ArrayList<>();
        for (LedgerRecord record : log) {
            outcomes.add(describe(fold.apply(record)));
        }
        return result(outcomes, fold.state(), units);
    }

    /**
     * Folds {@code log} on the store {@code opener} gives (the same store each time it is called again, as a
     * restarted service opens its folder), moving generations at {@code cuts}; commits everything at the end.
     */
    public static Result inGenerations(
            TrustAnchor anchor,
            List<LedgerRecord> log,
            List<Cut> cuts,
            Supplier<StateStore> opener,
            List<UnitCode> units) {
        return inGenerations(anchor, FoldScope.LEDGER, log, cuts, opener, units);
    }

    /** As {@link #inGenerations(TrustAnchor, List, List, Supplier, List)}, deciding only the records of {@code scope}. */
    public static Result inGenerations(
            TrustAnchor anchor,
            FoldScope scope,
            List<LedgerRecord> log,
            List<Cut> cuts,
            Supplier<StateStore> opener,
            List<UnitCode> units) {
        List<Cut> todo = new ArrayList<>(cuts);
        StateStore store = opener.get();
        CustodyFold fold = open(store, anchor, scope);
        Map<Integer, String> firstOutcomes = new LinkedHashMap<>();
        int i = 0;
        while (i < log.size()) {
            Cut cut = take(todo, i);
            if (cut != null) {
                CustodyState state = fold.state();
                switch (cut.move()) {
                    case SEAL -> state.seal();
                    case COMMIT -> {
                        state.seal();
                        state.commitThrough(state.lastSeq() - cut.lag());
                    }
                    case DISCARD -> {
                        state.discard();
                        i = (int) state.lastSeq();
                    }
                    case REOPEN -> {
                        store.close();
                        store = opener.get();
                        fold = open(store, anchor, scope);
                        i = (int) fold.state().lastSeq();
                    }
                }
                continue;
            }
            String outcome = describe(fold.apply(log.get(i)));
            String first = firstOutcomes.putIfAbsent(i, outcome);
            if (first != null && !first.equals(outcome)) {
                throw new AssertionError("record " + i + " refolded as " + outcome + ", first as " + first);
            }
            i++;
        }
        fold.state().commitAll();
        Result result = result(List.copyOf(firstOutcomes.values()), fold.state(), units);
        store.close();
        return result;
    }

    private static CustodyFold open(StateStore store, TrustAnchor anchor, FoldScope scope) {
        return new CustodyFold(
                CustodyState.open(store, anchor, scope), LedgerRules.DEFAULT, SignatureCheck.VERIFIED_UPSTREAM, scope);
    }

    private static Result result(List<String> outcomes, CustodyState state, List<UnitCode> units) {
        var registry = new StringBuilder();
        state.parties()
                .forEach(p -> registry.append(HexFormat.of().formatHex(EntryCodec.party(p)))
                        .append('\n'));
        state.keys()
                .forEach(k -> registry.append(HexFormat.of().formatHex(EntryCodec.key(k)))
                        .append('\n'));
        return new Result(outcomes, state.commitment(), unitsOf(state, units), registry.toString());
    }

    private static Cut take(List<Cut> todo, int at) {
        for (int c = 0; c < todo.size(); c++) {
            if (todo.get(c).at() == at) {
                return todo.remove(c);
            }
        }
        return null;
    }

    private static String describe(Outcome o) {
        return o.seq() + " " + o.eventId() + " " + (o.decided() ? o.code() : "passed") + " " + o.units() + " "
                + o.carried();
    }

    private static Map<UnitCode, String> unitsOf(CustodyState state, List<UnitCode> units) {
        Map<UnitCode, String> bytes = new LinkedHashMap<>();
        for (UnitCode code : units) {
            UnitState unit = state.unit(code);
            String lot = unit == null || unit.lot() == null
                    ? ""
                    : " lot " + unit.lot().units() + " " + unit.lot().recalled();
            bytes.put(code, unit == null ? "-" : HexFormat.of().formatHex(EntryCodec.unit(unit)) + lot);
        }
        return bytes;
    }
}
