package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of repeated runs, each as its median with the spread (min–max) and the number of runs; next to
 * the bound it is compared to (the median of that bound in the same runs) and the bar an issue sets. Written as
 * Markdown for people and JSON for tools, both named by the run's UTC time.
 */
final class Report {
    private record Series(Figures.Figure first, List<Double> values) {
        double median() {
            List<Double> sorted =
                    values.stream().filter(v -> !v.isNaN()).sorted().toList();
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return values.stream()
                    .mapToDouble(Double::doubleValue)
                    .filter(v -> !Double.isNaN(v))
                    .min()
                    .orElse(Double.NaN);
        }

        double max() {
            return values.stream()
                    .mapToDouble(Double::doubleValue)
                    .filter(v -> !Double.isNaN(v))
                    .max()
                    .orElse(Double.NaN);
        }
    }

    private final Map<String, Series> series = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Instant started = Instant.now();

    void add(Figures figures) {
        for (Figures.Figure f : figures.all) {
            series.computeIfAbsent(f.key(), k -> new Series(f, new ArrayList<>()))
                    .values()
                    .add(f.value());
        }
    }

    void note(String text) {
        notes.add(text);
    }

    /** Writes {@code <dir>/<time>.md} and {@code .json}; answers the Markdown path. */
    Path write(Path dir, String machine) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
                .withZone(ZoneOffset.UTC)
                .format(started);
        Path md = dir.resolve(stamp + ".md");
        Files.writeString(md, markdown(machine));
        Files.writeString(
                dir.resolve(stamp + ".json"),
                LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(machine)));
        return md;
    }

    String markdown(String machine) {
        var out = new StringBuilder();
        out.append("# Custody Ledger benchmark, ").append(started).append("\n\n");
        out.append(machine).append("\n\n");
        out.append("Median of the runs, with the spread (min – max). Ratio: the median over the median of its bound,")
                .append(" measured in the same runs on the same machine.\n\n");
        out.append("| figure | median | spread | runs | unit | bound | ratio | bar |\n");
        out.append("|---|---:|---:|---:|---|---|---:|---|\n");
        for (Series s : series.values()) {
            Figures.Figure f = s.first();
            Series bound = f.bound() == null ? null : series.get(f.bound());
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s – %s | %d | %s | %s | %s | %s |%n",
                    f.label(),
                    format(s.median()),
                    format(s.min()),
                    format(s.max()),
                    s.values().size(),
                    f.unit(),
                    bound == null ? "" : bound.first().label().replace("bound: ", ""),
                    bound == null ? "" : String.format(Locale.ROOT, "%.2f", s.median() / bound.median()),
                    f.bar() == null ? "" : f.bar() + " " + (f.bar().met(s.median()) ? "**met**" : "**missed**")));
        }
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(n -> out.append("- ").append(n).append("\n"));
        }
        return out.toString();
    }

    private ObjectNode json(String machine) {
        ObjectNode root = LedgerClient.JSON.createObjectNode();
        root.put("started", started.toString());
        root.put("machine", machine);
        ArrayNode figures = root.putArray("figures");
        for (Series s : series.values()) {
            Figures.Figure f = s.first();
            ObjectNode o = figures.addObject();
            o.put("key", f.key());
            o.put("label", f.label());
            o.put("unit", f.unit());
            o.put("median", s.median());
            o.put("min", s.min());
            o.put("max", s.max());
            ArrayNode runs = o.putArray("runs");
            s.values().forEach(runs::add);
            if (f.bound() != null && series.containsKey(f.bound())) {
                o.put("bound", f.bound());
                o.put("ratio", s.median() / series.get(f.bound()).median());
            }
            if (f.bar() != null) {
                o.put("bar", f.bar().toString());
                o.put("barMet", f.bar().met(s.median()));
            }
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        return root;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
