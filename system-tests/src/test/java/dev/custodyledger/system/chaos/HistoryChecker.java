package dev.custodyledger.system.chaos;

import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.verdict.LabelCheck;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.ScanSignals;
import dev.custodyledger.core.verdict.UnitFacts;
import dev.custodyledger.core.verdict.VerdictRules;
import dev.custodyledger.core.verdict.Verification;
import dev.custodyledger.kafka.LedgerReplay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a recorded history against the log, as the auditor folds it: fed as the replay's listener, it compares
 * every verify answer that names a {@code ledgerSeq} with the auditor's state just after that seq (so reads are
 * consistent with a prefix of the log, whichever replica answered), then {@link #violations()} checks every
 * submission's answer against the records: 201 and 202 only for an event that is in the log exactly once, an
 * ACCEPTED only where the auditor accepted it at that seq, a rejection at seq only where the auditor rejected it
 * there with that code. A client that switches replicas may see an older prefix after a newer one (each replica
 * folds at its own pace), but never a state that no prefix had. Each violation carries the slice of history that
 * shows it: the requests about the same event or unit, and the records of it.
 */
final class HistoryChecker implements LedgerReplay.Listener {
    /** Reasons that come from scans (the clone detector), not from the ledger: taken from the answer as given. */
    private static final Set<Reason> SCAN_SIGNALS = EnumSet.of(
            Reason.SCANNED_ON_TOO_MANY_DEVICES, Reason.SCANNED_IN_TOO_MANY_PLACES, Reason.SCANNED_FAR_FROM_CUSTODY);

    private final List<Op> ops;
    private final Map<Long, List<Op>> verifiesAt = new HashMap<>();
    private final Map<String, List<Outcome>> recordsOf = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private long checkedReads;
    private long lastSeq;

    HistoryChecker(List<Op> ops) {
        this.ops = ops;
        for (Op op : ops) {
            if (op.kind() == Op.Kind.VERIFY && op.status() == 200 && op.seq() >= 0) {
                verifiesAt.computeIfAbsent(op.seq(), s -> new ArrayList<>()).add(op);
            }
        }
    }

    /** Something the history shows that the system must never do, with the evidence. */
    record Violation(String rule, String detail, List<Op> requests, List<Outcome> records) {
        @Override
        public String toString() {
            var text = new StringBuilder(rule + ": " + detail);
            requests.forEach(r -> text.append("\n    request ").append(r));
            records.forEach(r -> text.append("\n    record  seq ")
                    .append(r.seq())
                    .append(' ')
                    .append(r.type())
                    .append(' ')
                    .append(r.eventId())
                    .append(r.accepted() ? " ACCEPTED" : " REJECTED " + r.code()));
            return text.toString();
        }
    }

    @Override
    public void started(long records) {
        check(0, null);
    }

    @Override
    public void folded(Outcome outcome, CustodyState state) {
        outcomes.add(outcome);
        lastSeq = outcome.seq();
        if (outcome.eventId() != null) {
            recordsOf
                    .computeIfAbsent(outcome.eventId().toString(), id -> new ArrayList<>())
                    .add(outcome);
        }
        check(outcome.seq(), state);
    }

    /** The records in log order, as the auditor folded them. */
    List<Outcome> outcomes() {
        return outcomes;
    }

    long checkedReads() {
        return checkedReads;
    }

    /** Everything found, after the replay has run to the log's end. */
    List<Violation> violations() {
        var found = new ArrayList<>(violations);
        for (Long seq : verifiesAt.keySet()) {
            if (seq > lastSeq) {
                found.add(new Violation(
                        "read from the future",
                        "a verify named seq " + seq + ", beyond the log's end at " + lastSeq,
                        verifiesAt.get(seq),
                        List.of()));
            }
        }
        for (Op op : ops) {
            if (op.submission()) {
                checkSubmission(op, found);
            }
        }
        recordsOf.forEach((id, records) -> {
            if (records.size() > 1) {
                found.add(new Violation(
                        "appended more than once",
                        "event " + id + " is in the log " + records.size() + " times",
                        about(id),
                        records));
            }
        });
        return found;
    }

    private void checkSubmission(Op op, List<Violation> found) {
        List<Outcome> records = recordsOf.getOrDefault(op.eventId(), List.of());
        Outcome first = records.isEmpty() ? null : records.get(0);
        boolean rejectedAtSeq = "rejected".equals(op.disposition());
        if ((op.status() == 201 || op.status() == 202 || rejectedAtSeq) && first == null) {
            found.add(violation("answered but not in the log", op, records));
            return;
        }
        if (op.status() == 201 && (!first.accepted() || first.seq() != op.seq())) {
            found.add(violation("ACCEPTED contradicts the log", op, records));
        }
        if (rejectedAtSeq
                && (first.accepted()
                        || first.seq() != op.seq()
                        || !first.code().name().equals(op.answer()))) {
            found.add(violation("rejection contradicts the log", op, records));
        }
    }

    private Violation violation(String rule, Op op, List<Outcome> records) {
        return new Violation(rule, "event " + op.eventId(), about(op.eventId()), records);
    }

    private List<Op> about(String eventId) {
        return ops.stream().filter(o -> eventId.equals(o.eventId())).toList();
    }

    /** Compares the verifies answered at {@code seq} with the auditor's state just after it. */
    private void check(long seq, CustodyState state) {
        List<Op> answered = verifiesAt.get(seq);
        if (answered == null) {
            return;
        }
        for (Op op : answered) {
            checkedReads++;
            String mismatch = mismatch(op, state);
            if (mismatch != null) {
                violations.add(new Violation(
                        "read not consistent with the log at its seq",
                        op.unit() + " at seq " + seq + ": " + mismatch,
                        ops.stream().filter(o -> op.unit().equals(o.unit())).toList(),
                        outcomes.stream()
                                .filter(o -> o.units().stream()
                                                .anyMatch(u -> u.path().equals(op.unit()))
                                        || o.carried().stream()
                                                .anyMatch(u -> u.path().equals(op.unit())))
                                .toList()));
            }
        }
    }

    /** What the answer says differently from the auditor's state, or null. */
    private static String mismatch(Op op, CustodyState state) {
        ScannedCode code = ScannedCode.parse(op.unit());
        UnitState unit = state == null ? null : state.unit(code.unit());
        Set<Reason> signals = EnumSet.noneOf(Reason.class);
        for (String r : op.reasons()) {
            Reason reason = Reason.valueOf(r);
            if (SCAN_SIGNALS.contains(reason)) {
                signals.add(reason);
            }
        }
        Verification expected = VerdictRules.decide(
                unit == null ? null : UnitFacts.of(unit), code, LabelCheck.NOT_SIGNED, new ScanSignals(null, signals));
        List<String> reasons =
                expected.reasons().stream().map(Reason::name).sorted().toList();
        List<String> answered = op.reasons().stream().sorted().toList();
        if (!expected.verdict().name().equals(op.answer()) || !reasons.equals(answered)) {
            return "answered " + op.answer() + " " + answered + ", the log says " + expected.verdict() + " " + reasons;
        }
        if (unit != null) {
            PartyState custodian = state.party(unit.custodian());
            String holder = custodian == null ? null : custodian.profile().name();
            if (!Objects.equals(holder, op.holder()) || unit.inTransit() != op.inTransit()) {
                return "answered held by " + op.holder() + (op.inTransit() ? " in transit" : "") + ", the log says "
                        + holder + (unit.inTransit() ? " in transit" : "");
            }
        }
        return null;
    }

    /** How many submissions had each kind of answer, for the report. */
    Map<String, Long> submissionsByAnswer() {
        return ops.stream()
                .filter(Op::submission)
                .collect(Collectors.groupingBy(
                        o -> o.status() + " " + o.answer() + (o.disposition() != null ? " " + o.disposition() : ""),
                        java.util.TreeMap::new,
                        Collectors.counting()));
    }
}
