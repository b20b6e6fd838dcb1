package dev.custodyledger.system.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The soak's report in Markdown: the faults by kind with how long the system took to be whole again after each
 * was healed (p50/p99) and what the clients lost meanwhile, the requests by kind and answer, and the violations.
 */
final class ChaosReport {
    private ChaosReport() {}

    record Run(long seed, double minutes, int replicas, int clients, Instant started) {}

    static String render(
            Run run,
            List<Nemesis.Struck> faults,
            List<Op> ops,
            HistoryChecker checker,
            List<HistoryChecker.Violation> violations,
            List<String> finalChecks) {
        var out = new StringBuilder();
        out.append("# Chaos soak ")
                .append(run.started())
                .append("\n\n")
                .append(String.format(
                        "Seed %d, %.1f minutes, %d replicas each of ledger-service and scan-service behind nginx,"
                                + " %d clients. Replay with `bench/chaos %.0f %d`.%n%n",
                        run.seed(),
                        run.minutes(),
                        run.replicas(),
                        run.clients(),
                        Math.ceil(run.minutes()),
                        run.seed()));
        out.append("**Violations: ").append(violations.size()).append("**");
        out.append(String.format(
                " (%d submissions and %d verify answers checked against the auditor's replay of %d records)%n%n",
                ops.stream().filter(Op::submission).count(),
                checker.checkedReads(),
                checker.outcomes().size()));
        for (HistoryChecker.Violation v : violations.subList(0, Math.min(20, violations.size()))) {
            out.append("```\n").append(v).append("\n```\n");
        }
        out.append("## Faults\n\n")
                .append(
                        "Recovery: from the fault's healing (SIGCONT, the start, the link restored) until every replica")
                .append(" is ready and caught up, one writes each service's projections and both fronts answer.")
                .append(" Failed requests: no answer, 5xx or UNAVAILABLE, from the strike until recovery.")
                .append(" Longest write gap: the longest stretch in that window with no submission answered 201.\n\n")
                .append("| fault | n | recovery p50 | recovery p99 | failed requests | longest write gap |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        Map<String, List<Nemesis.Struck>> byKind = faults.stream()
                .collect(Collectors.groupingBy(s -> s.fault().kind(), TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, list) -> {
            List<Long> recovery =
                    list.stream().map(Nemesis.Struck::recoveryMillis).sorted().toList();
            long failed = 0;
            long gap = 0;
            for (Nemesis.Struck s : list) {
                long end = s.recovered() < 0 ? s.healed() + Nemesis.RECOVERY_BOUND.toMillis() : s.recovered();
                failed += ops.stream()
                        .filter(o -> o.failed() && o.start() >= s.at() && o.start() <= end)
                        .count();
                gap = Math.max(gap, writeGap(ops, s.at(), end));
            }
            out.append(String.format(
                    "| %s | %d | %s | %s | %d | %.1f s |%n",
                    kind,
                    list.size(),
                    seconds(percentile(recovery, 50)),
                    seconds(percentile(recovery, 99)),
                    failed,
                    gap / 1000.0));
        });
        out.append("\n## Requests\n\n| request | answer | n |\n|---|---|---:|\n");
        Map<String, Long> byAnswer = ops.stream()
                .collect(Collectors.groupingBy(
                        o -> o.kind() + " | " + o.status() + " " + (o.answer() == null ? "" : o.answer())
                                + (o.disposition() != null ? " (" + o.disposition() + ")" : ""),
                        TreeMap::new,
                        Collectors.counting()));
        byAnswer.forEach(
                (k, n) -> out.append("| ").append(k).append(" | ").append(n).append(" |\n"));
        out.append("\n## At the end\n\n");
        finalChecks.forEach(c -> out.append("- ").append(c).append('\n'));
        out.append("\n## Every fault\n\n| struck at | fault | target | recovery |\n|---|---|---|---:|\n");
        for (Nemesis.Struck s : faults) {
            out.append(String.format(
                    "| %s | %s | %s | %s |%n",
                    Instant.ofEpochMilli(s.at()), s.fault(), s.target(), seconds(s.recoveryMillis())));
        }
        return out.toString();
    }

    /** The longest stretch in [from, to] without a submission answered 201. */
    private static long writeGap(List<Op> ops, long from, long to) {
        List<Long> accepted = new ArrayList<>();
        accepted.add(from);
        ops.stream()
                .filter(o -> o.submission() && o.status() == 201 && o.end() >= from && o.end() <= to)
                .map(Op::end)
                .sorted()
                .forEach(accepted::add);
        accepted.add(to);
        long gap = 0;
        for (int i = 1; i < accepted.size(); i++) {
            gap = Math.max(gap, accepted.get(i) - accepted.get(i - 1));
        }
        return gap;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        if (sorted.get(0) < 0) {
            return -1; // a fault that never recovered outranks every figure
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String seconds(long millis) {
        return millis < 0 ? "never" : String.format("%.1f s", millis / 1000.0);
    }
}
