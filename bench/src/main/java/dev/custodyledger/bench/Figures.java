package dev.custodyledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one benchmark measured, in order: each figure with its unit, and the bar an issue sets for it, if any. */
final class Figures {
    /** A bar: the figure must be at least (or at most) {@code limit}. */
    record Bar(boolean atLeast, double limit) {
        boolean met(double value) {
            return atLeast ? value >= limit : value <= limit;
        }

        @Override
        public String toString() {
            return (atLeast ? ">= " : "<= ") + Report.format(limit);
        }
    }

    /** {@code bound} names the figure (of the same run) this one is a ratio of; null when none. */
    record Figure(String key, String label, double value, String unit, String bound, Bar bar) {}

    final List<Figure> all = new ArrayList<>();

    Figures add(String key, String label, double value, String unit) {
        return add(key, label, value, unit, null, null);
    }

    Figures add(String key, String label, double value, String unit, String bound, Bar bar) {
        all.add(new Figure(key, label, value, unit, bound, bar));
        return this;
    }

    /** One row per part of the stack ({@link StackCpu}): the cores it used {@code during} a measurement. */
    Figures addCores(String key, String during, Map<String, Double> cores) {
        cores.forEach((part, used) ->
                add(key + ".cores." + part, "cores used " + during + ": " + StackCpu.PARTS.get(part), used, "cores"));
        return this;
    }

    double value(String key) {
        return all.stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + key))
                .value();
    }

    /** The figures added after the first {@code count}. */
    Figures since(int count) {
        var later = new Figures();
        later.all.addAll(all.subList(count, all.size()));
        return later;
    }

    Figures addAll(Figures other) {
        all.addAll(other.all);
        return this;
    }

    static Bar atLeast(double limit) {
        return new Bar(true, limit);
    }

    static Bar atMost(double limit) {
        return new Bar(false, limit);
    }
}
