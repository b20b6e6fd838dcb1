package dev.custodyledger.fold;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a service folds: its settings (name, topic, lease group, checkpoint schedule, trust anchor, rules, how
 * signatures are checked), the read model it writes and what it does with each run of folded records besides.
 * A service produces one as a CDI bean; {@link FoldService} builds and runs the engine from it.
 *
 * @param <R> the service's rows for a run of records
 * @param listener called with each run of folded records once readers see them; their rows may not be written yet
 */
public record FoldDefinition<R>(FoldSettings settings, ReadModel<R> readModel, Consumer<List<Folded>> listener) {
    public FoldDefinition(FoldSettings settings, ReadModel<R> readModel) {
        this(settings, readModel, folded -> {});
    }
}
