package dev.custodyledger.scan.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit views a run of folded records changes, and per unit the journey steps it adds, oldest first. */
public record ViewRows(List<UnitViewRow> units, Map<String, List<JourneyStepRow>> steps) {

    /** Consecutive runs as one: each unit once in its latest state, its steps in order. */
    static ViewRows merge(List<ViewRows> runs) {
        Map<String, UnitViewRow> units = new LinkedHashMap<>();
        Map<String, List<JourneyStepRow>> steps = new LinkedHashMap<>();
        for (ViewRows run : runs) {
            run.units().forEach(u -> units.put(u.code(), u));
            run.steps()
                    .forEach((code, added) ->
                            steps.computeIfAbsent(code, c -> new ArrayList<>()).addAll(added));
        }
        return new ViewRows(List.copyOf(units.values()), steps);
    }
}
