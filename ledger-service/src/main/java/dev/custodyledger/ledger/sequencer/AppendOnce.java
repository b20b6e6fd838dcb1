package dev.custodyledger.ledger.sequencer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sequencer's one rule: an event goes to the ledger once. An event is left out when the fold has decided it
 * (it is in the ledger) or when this term appended it and the fold has not read it back yet, or when it came
 * twice in one batch. A new term starts empty: before it appends, the fold has read every committed record.
 * Plain Java, no I/O: the fold's knowledge comes in as a predicate.
 */
final class AppendOnce {
    private final Predicate<String> decided;
    /** Appended in this term, oldest first; dropped once the fold has decided them. */
    private final Set<String> unread = new LinkedHashSet<>();

    AppendOnce(Predicate<String> decided) {
        this.decided = decided;
    }

    /** The submissions of {@code batch} to append, in order. */
    <T> List<T> select(List<T> batch, Function<T, String> id) {
        forgetRead();
        var chosen = new ArrayList<T>();
        var inBatch = new HashSet<String>();
        for (T submission : batch) {
            String eventId = id.apply(submission);
            if (!unread.contains(eventId) && !decided.test(eventId) && inBatch.add(eventId)) {
                chosen.add(submission);
            }
        }
        return chosen;
    }

    /** The ids of a committed transaction. */
    void appended(List<String> ids) {
        unread.addAll(ids);
    }

    /** A new term: the fold has read everything committed before it. */
    void newTerm() {
        unread.clear();
    }

    int unread() {
        return unread.size();
    }

    private void forgetRead() {
        var oldest = unread.iterator();
        while (oldest.hasNext() && decided.test(oldest.next())) {
            oldest.remove();
        }
    }
}
