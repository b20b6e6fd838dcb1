package dev.custodyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What this machine can do at best, measured in the same run as the figures compared to them: BouncyCastle's
 * Ed25519 verify and sign on one thread, {@code pgbench -S} against the stack's PostgreSQL, and Kafka's own
 * {@code ProducerPerformance} (acks=all) against the stack's broker. A bound that cannot be measured is NaN.
 */
final class Bounds {
    static final String KAFKA = System.getenv().getOrDefault("CUSTODY_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    static final String PG_PORT = System.getenv().getOrDefault("CUSTODY_PG_PORT", "15432");

    private Bounds() {}

    static Figures measure() throws Exception {
        LabelBench.rawSignRate(Duration.ofSeconds(1)); // warm-up: the JIT compiles the hot paths first
        return new Figures()
                .add("bound.verify", "bound: BouncyCastle Ed25519 verify, one thread", verify(), "verifies/s")
                .add(
                        "bound.sign",
                        "bound: BouncyCastle Ed25519 sign, one thread",
                        LabelBench.rawSignRate(Duration.ofSeconds(3)),
                        "signatures/s")
                .add("bound.pgbench", "bound: pgbench -S -c 8 -j 2, same PostgreSQL", pgbench(), "tps")
                .add(
                        "bound.kafka",
                        "bound: Kafka ProducerPerformance, 700-byte records, acks=all, same broker",
                        producerPerformance(),
                        "records/s");
    }

    /** BouncyCastle's Ed25519 verifications per second on one thread, after a second of warm-up. */
    static double verify() {
        LedgerBench.rawVerifyRate(Duration.ofSeconds(1));
        return LedgerBench.rawVerifyRate(Duration.ofSeconds(3));
    }

    /** Select-only TPS of pgbench against the stack's PostgreSQL (its own tables in the postgres database). */
    static double pgbench() throws IOException, InterruptedException {
        String binary = pgbenchBinary();
        if (binary == null) {
            System.out.println("pgbench not found (apt-get install postgresql-client): not measured");
            return Double.NaN;
        }
        List<String> common = List.of("-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres");
        run(binary, common, List.of("-i", "-s", "10", "-q", "postgres"));
        String out = run(binary, common, List.of("-S", "-c", "8", "-j", "2", "-T", "15", "postgres"));
        return number(out, "tps = ([\\d.]+)");
    }

    /** Kafka's producer benchmark on a topic shaped as the ledger (one partition), deleted afterwards. */
    static double producerPerformance() throws Exception {
        String topic = "custody.bench.producer-performance";
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin admin = Admin.create(props)) {
            try {
                admin.deleteTopics(List.of(topic)).all().get(); // a leftover of an interrupted run
                Thread.sleep(1000);
            } catch (java.util.concurrent.ExecutionException absent) {
                // none: the usual case
            }
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("min.insync.replicas", "1"))))
                    .all()
                    .get();
            try {
                String out = run(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        List.of("-cp", System.getProperty("java.class.path")),
                        List.of(
                                "org.apache.kafka.tools.ProducerPerformance",
                                "--topic",
                                topic,
                                "--num-records",
                                "300000",
                                "--record-size",
                                "700",
                                "--throughput",
                                "-1",
                                "--producer-props",
                                "bootstrap.servers=" + KAFKA,
                                "acks=all",
                                "linger.ms=5"));
                return number(out, "records sent, ([\\d.]+) records/sec");
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private static String pgbenchBinary() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                return versions.map(v -> v.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .map(Path::toString)
                        .findFirst()
                        .orElse(null);
            }
        }
        return null;
    }

    private static String run(String binary, List<String> common, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(common);
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getenv().getOrDefault("POSTGRES_PASSWORD", "postgres"));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed:\n" + out);
        }
        return out;
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
