package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where CPU went while a figure was measured, per part of the local stack, read from Linux's {@code /proc}: every
 * part shares the same two cores, so a latency means little without knowing what ran beside it. Parts: each
 * process the stack started (its pid file), PostgreSQL's processes, the VM's DAMON memory monitor
 * ({@code kdamond}, ADR 13), and this benchmark with the load clients it waited for. Machine-wide counters are
 * left out: here {@code /proc/stat} counted less busy time than its processes together, and no steal at all.
 * Empty where there is no {@code /proc}.
 */
final class StackCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Java runs on
    private static final List<String> STARTED = List.of("kafka", "ledger-service", "scan-service", "label-service");
    /** Each part's key and what it is, in the order a report lists them. */
    static final Map<String, String> PARTS = parts();

    private final long wallNanos = System.nanoTime();
    private final Map<String, Long> ticks;

    private StackCpu(Map<String, Long> ticks) {
        this.ticks = ticks;
    }

    static StackCpu now() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try {
            Map<Integer, String> started = startedParts();
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    String part = partOf(process, started);
                    if (part != null) {
                        ticks.merge(part, processTicks(process, false), Long::sum);
                    }
                }
            }
            ticks.put("benchmark", processTicks(Path.of("/proc/self"), true));
        } catch (IOException | RuntimeException e) {
            ticks.clear(); // no /proc, or a format this reader does not know: nothing to say
        }
        return new StackCpu(ticks);
    }

    /** Cores used by each part of {@link #PARTS} since {@code before} (CPU seconds per second of wall time). */
    Map<String, Double> coresSince(StackCpu before) {
        double seconds = (wallNanos - before.wallNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        for (String part : PARTS.keySet()) {
            Long was = before.ticks.get(part);
            Long is = ticks.get(part);
            if (was != null && is != null) {
                cores.put(part, (is - was) / TICKS_PER_SECOND / seconds);
            }
        }
        return cores;
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        STARTED.forEach(part -> parts.put(part, part));
        parts.put("postgresql", "PostgreSQL");
        parts.put("kdamond", "kdamond (the VM's memory monitor)");
        parts.put("benchmark", "the benchmark and its load clients");
        return parts;
    }

    private static String partOf(Path process, Map<Integer, String> started) {
        String part = started.get(Integer.parseInt(process.getFileName().toString()));
        if (part != null) {
            return part;
        }
        String name;
        try {
            name = Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return null;
        }
        if (name.equals("postgres")) {
            return "postgresql";
        }
        return name.startsWith("kdamond") ? "kdamond" : null;
    }

    private static Map<Integer, String> startedParts() throws IOException {
        Path pids = Replay.stackDir().resolve("pids");
        Map<Integer, String> parts = new LinkedHashMap<>();
        for (String part : STARTED) {
            Path file = pids.resolve(part + ".pid");
            if (Files.exists(file)) {
                parts.put(Integer.parseInt(Files.readString(file).strip()), part);
            }
        }
        return parts;
    }

    /** User and system ticks of a process, with those of the children it waited for when asked; 0 once gone. */
    private static long processTicks(Path process, boolean withChildren) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return 0;
        }
        // the fields after the command name, which may itself hold spaces and parentheses
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? used + Long.parseLong(f[13]) + Long.parseLong(f[14]) : used;
    }
}
