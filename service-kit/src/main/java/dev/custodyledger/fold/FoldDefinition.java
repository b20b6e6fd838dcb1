package dev.custodyledger.fold;

/**
 * What a service folds: its settings (name, topic, lease group, checkpoint schedule, trust anchor, rules, how
 * signatures are checked), the read model it writes and what it does with each run of folded records besides.
 * A service produces one as a CDI bean; {@link FoldService} builds and runs the engine from it.
 *
 * @param <R> the service's rows for a run of records
 */
public record FoldDefinition<R>(FoldSettings settings, ReadModel<R> readModel, FoldListener listener) {
    public FoldDefinition(FoldSettings settings, ReadModel<R> readModel) {
        this(settings, readModel, new FoldListener() {});
    }
}
