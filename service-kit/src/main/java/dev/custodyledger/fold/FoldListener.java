package dev.custodyledger.fold;

import java.util.List;

/** What a service does with each run of folded records besides writing them to its read model. */
public interface FoldListener {
    /** After the records are visible to readers; their rows may not be written yet. */
    default void folded(List<Folded> folded) {}
}
