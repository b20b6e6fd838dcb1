package dev.custodyledger.scan.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit views and journey steps a run of folded records changes. */
public record ViewRows(List<UnitViewRow> units, List<JourneyStepRow> steps) {

    /** Consecutive runs as one: steps in order, each unit once in its latest state. */
    static ViewRows merge(List<ViewRows> runs) {
        Map<String, UnitViewRow> units = new LinkedHashMap<>();
        List<JourneyStepRow> steps = new ArrayList<>();
        for (ViewRows run : runs) {
            run.units().forEach(u -> units.put(u.code(), u));
            steps.addAll(run.steps());
        }
        return new ViewRows(List.copyOf(units.values()), steps);
    }
}
