package dev.custodyledger.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seeded soak: two replicas of each folding service behind the nginx front, concurrent clients, and the
 * nemesis striking at random until the time is up; then the history is checked against the auditor's replay and
 * the services' final state against the auditor's. {@code -Dchaos.seed=} and {@code -Dchaos.minutes=} choose the
 * run ({@code bench/chaos} runs a long one); the report goes to {@code target/chaos/}.
 */
@Tag("chaos")
class ChaosSoakIT {
    private static final long SEED = Long.getLong("chaos.seed", 20261202L);
    private static final double MINUTES = Double.parseDouble(System.getProperty("chaos.minutes", "3"));
    private static final int REPLICAS = Integer.getInteger("chaos.replicas", 2);
    private static final int CLIENTS = Integer.getInteger("chaos.clients", 4);

    @Test
    void historyUnderRandomFaultsIsConsistentWithTheLog() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        assertThat(ci && !ChaosCluster.frontAvailable())
                .as("CI must run the soak: .ci/run installs nginx")
                .isFalse();
        assumeTrue(
                ChaosCluster.frontAvailable(), "the chaos soak needs nginx as its front (apt-get install nginx-light)");
        var run = new ChaosReport.Run(SEED, MINUTES, REPLICAS, CLIENTS, Instant.now());
        Path dir = Path.of("target", "chaos", "seed-" + SEED + "-" + System.currentTimeMillis());
        try (var cluster = ChaosCluster.start(dir, REPLICAS)) {
            var history = new History();
            var workload = new Workload(cluster.ledger, cluster.ledgerUrl(), cluster.scanUrl(), history);
            workload.onboard(CLIENTS);
            long deadline = System.currentTimeMillis() + (long) (MINUTES * 60_000);
            var nemesis = new Nemesis(cluster, new NemesisPlan(SEED, REPLICAS));
            var clients = Thread.ofPlatform().name("workload").start(() -> workload.run(CLIENTS, SEED, deadline));
            List<Nemesis.Struck> faults = nemesis.run(deadline);
            clients.join();
            long whole = nemesis.awaitWhole();

            List<Op> ops = history.ops();
            var checker = new HistoryChecker(ops);
            var fold = LedgerReplay.replay(
                    KafkaAccess.plaintext(cluster.kafka.bootstrapServers()),
                    cluster.ledger.anchor(),
                    LedgerRules.DEFAULT,
                    checker);
            String digest = fold.state().commitment();
            List<HistoryChecker.Violation> violations = new ArrayList<>(checker.violations());
            List<String> finalChecks = new ArrayList<>();
            if (whole < 0) {
                violations.add(new HistoryChecker.Violation(
                        "never recovered",
                        "the system was not whole " + Nemesis.RECOVERY_BOUND + " after the soak",
                        List.of(),
                        List.of()));
            }
            compareFinalState(cluster, fold.state(), digest, checker.outcomes(), violations, finalChecks);

            String report = ChaosReport.render(run, faults, ops, checker, violations, finalChecks);
            Files.createDirectories(Path.of("target", "chaos"));
            Path file = Path.of(System.getProperty("chaos.report", "target/chaos/report-" + SEED + ".md"));
            Files.writeString(file, report);
            System.out.println(report);
            assertThat(faults).as("the nemesis struck").isNotEmpty();
            assertThat(violations)
                    .as(
                            "violations with seed %d (replay: bench/chaos %.0f %d); report in %s",
                            SEED, Math.ceil(MINUTES), SEED, file.toAbsolutePath())
                    .isEmpty();
        }
    }

    /**
     * Every replica's head against the auditor's (seq and state digest), and each service's read model against
     * the log: one ledger row per record with the auditor's outcome, one verification view per unit.
     */
    private static void compareFinalState(
            ChaosCluster cluster,
            CustodyState state,
            String digest,
            List<Outcome> outcomes,
            List<HistoryChecker.Violation> violations,
            List<String> checks)
            throws IOException, InterruptedException {
        long lastSeq = state.lastSeq();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (ServiceProcess replica : cluster.all()) {
            JsonNode head = awaitProjected(http, replica, lastSeq);
            boolean same = head != null
                    && head.path("seq").asLong() == lastSeq
                    && digest.equals(head.path("stateDigest").asText());
            checks.add(replica.name() + ": seq "
                    + (head == null ? "?" : head.path("seq").asLong()) + ", digest "
                    + (same ? "equal to the auditor's" : "DIFFERENT") + " (auditor: seq " + lastSeq + ")");
            if (!same) {
                violations.add(new HistoryChecker.Violation(
                        "digest differs",
                        replica.name() + " answered " + head + "; the auditor has seq " + lastSeq + " and digest "
                                + digest,
                        List.of(),
                        List.of()));
            }
        }
        var records = new java.util.TreeMap<String, String>();
        outcomes.forEach(
                o -> records.put(String.valueOf(o.seq()), o.eventId() + " " + (o.accepted() ? "ACCEPTED" : o.code())));
        compare(
                checks,
                violations,
                "ledger-service record rows",
                records,
                rows(
                        cluster,
                        "ledger",
                        "select seq, event_id, code from ledger_record",
                        rs -> rs.getString(2) + " " + (rs.getString(3) == null ? "ACCEPTED" : rs.getString(3))));
        var units = new java.util.TreeMap<String, String>();
        var views = new java.util.TreeMap<String, String>();
        // Every unit is named by the record that created it: the outcomes give them all.
        var codes = new java.util.LinkedHashSet<dev.custodyledger.core.gs1.UnitCode>();
        outcomes.forEach(o -> {
            codes.addAll(o.units());
            codes.addAll(o.carried());
        });
        for (var code : codes) {
            UnitState u = state.unit(code);
            if (u == null) {
                continue;
            }
            units.put(u.code().path(), u.status().name() + " " + u.custodian().value());
            views.put(
                    u.code().path(),
                    view(u.status().name(), state.party(u.custodian()).profile().name(), u.inTransit()));
        }
        compare(
                checks,
                violations,
                "ledger-service unit rows",
                units,
                rows(
                        cluster,
                        "ledger",
                        "select code, status, custodian from unit",
                        rs -> rs.getString(2) + " " + rs.getString(3)));
        compare(
                checks,
                violations,
                "scan-service unit views",
                views,
                rows(
                        cluster,
                        "scan",
                        "select code, status, custodian_name, in_transit from unit_view",
                        rs -> view(rs.getString(2), rs.getString(3), rs.getBoolean(4))));
    }

    /** A read model's rows against what the auditor's log says they must be, one each. */
    private static void compare(
            List<String> checks,
            List<HistoryChecker.Violation> violations,
            String what,
            java.util.Map<String, String> expected,
            java.util.Map<String, String> actual) {
        long same = expected.entrySet().stream()
                .filter(e -> e.getValue().equals(actual.get(e.getKey())))
                .count();
        checks.add(
                what + ": " + actual.size() + " for " + expected.size() + " in the log, " + same + " as the log says");
        if (actual.size() != expected.size() || same != expected.size()) {
            String first = expected.entrySet().stream()
                    .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                    .map(e -> e.getKey() + ": the log says " + e.getValue() + ", the row " + actual.get(e.getKey()))
                    .findFirst()
                    .orElse("rows the log does not have");
            violations.add(new HistoryChecker.Violation(
                    what + " differ from the log",
                    actual.size() + " rows, " + same + " matching, for " + expected.size() + "; first: " + first,
                    List.of(),
                    List.of()));
        }
    }

    private static String view(String status, String custodian, boolean inTransit) {
        return status + " " + custodian + (inTransit ? " in transit" : "");
    }

    private interface RowReader {
        String read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** The rows of {@code sql}, keyed by their first column. */
    private static java.util.Map<String, String> rows(
            ChaosCluster cluster, String dbName, String sql, RowReader reader) {
        var rows = new java.util.HashMap<String, String>();
        var db = cluster.database;
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(dbName), db.username(), db.password());
                var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), reader.read(rs));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read " + dbName + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The replica's head once its read model has reached {@code seq} (within two minutes), or its last answer. */
    private static JsonNode awaitProjected(HttpClient http, ServiceProcess replica, long seq)
            throws InterruptedException {
        JsonNode last = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(replica.url() + "/v1/ledger/head"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    last = StrictJson.parse(response.body());
                    if (last.path("seq").asLong() >= seq
                            && last.path("projectedSeq").asLong() >= seq) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(250);
        }
        return last;
    }
}
