package dev.custodyledger.projection;

import java.util.List;

/** Hooks for what a service does with each run of folded records besides projecting them. */
public interface FoldListener {
    /** Under the write lock, before the state with these records becomes visible to readers. */
    default void publish(List<Folded> folded) {}

    /** After the records are visible; their rows may not be written yet. */
    default void folded(List<Folded> folded) {}
}
