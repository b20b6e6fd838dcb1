package dev.custodyledger.system.chaos;

import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.KafkaProcess;
import dev.custodyledger.testsupport.RestartableDatabase;
import dev.custodyledger.testsupport.ServiceProcess;
import dev.custodyledger.testsupport.TcpProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the soak runs against: one Kafka broker and one PostgreSQL server (each behind a {@link TcpProxy} that the
 * services reach it through), N replicas of ledger-service and of scan-service as packaged processes sharing one
 * log and one database per service, and the local stack's nginx front ({@code deploy/local/front.sh}) that
 * spreads the clients' requests across them. The test's own clients (the auditor, the checker) bypass the proxies.
 */
final class ChaosCluster implements AutoCloseable {
    final TestLedger ledger = TestLedger.startingNow();
    final KafkaProcess kafka;
    final TcpProxy brokerLink;
    final RestartableDatabase database;
    final TcpProxy databaseLink;
    final List<ServiceProcess> ledgers = new ArrayList<>();
    final List<ServiceProcess> scans = new ArrayList<>();
    final int ledgerFront;
    final int scanFront;
    private final Path dir;
    private Process front;

    private ChaosCluster(Path dir, int replicas) throws IOException {
        this.dir = dir;
        int brokerProxyPort = KafkaProcess.freePort();
        kafka = KafkaProcess.start(dir.resolve("kafka"), brokerProxyPort);
        brokerLink = TcpProxy.start(brokerProxyPort, kafka.servicesListenerPort());
        database = RestartableDatabase.start(dir.resolve("postgres"));
        databaseLink = TcpProxy.start(0, database.port());
        String anchor = ledger.anchor().key().base64Url();
        for (int i = 1; i <= replicas; i++) {
            ledgers.add(service("ledger-service", "ledger", anchor).replica("ledger-service-" + i));
            scans.add(service("scan-service", "scan", anchor)
                    .withEnv("CUSTODY_VERIFY_RATE_LIMIT_PER_SECOND", "0")
                    .replica("scan-service-" + i));
        }
        ledgerFront = KafkaProcess.freePort();
        scanFront = KafkaProcess.freePort();
    }

    static ChaosCluster start(Path dir, int replicas) {
        try {
            var cluster = new ChaosCluster(dir.toAbsolutePath(), replicas);
            cluster.ledgers.forEach(ServiceProcess::start);
            cluster.scans.forEach(ServiceProcess::start);
            cluster.startFront();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the cluster: " + e.getMessage(), e);
        }
    }

    private ServiceProcess service(String module, String db, String anchor) {
        String direct = ":" + database.port() + "/";
        String proxied = ":" + databaseLink.port() + "/";
        return ServiceProcess.of(module, kafka, database, db, anchor, dir)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + brokerLink.port())
                .withEnv(
                        "QUARKUS_DATASOURCE_REACTIVE_URL",
                        database.reactiveUrl(db).replace(direct, proxied))
                .withEnv("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(db).replace(direct, proxied));
    }

    private void startFront() throws IOException {
        Path root =
                Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve("front"));
        front = new ProcessBuilder(
                        "bash",
                        root.resolve("deploy/local/front.sh").toString(),
                        "run",
                        dir.resolve("front").toString(),
                        String.valueOf(ledgerFront),
                        ports(ledgers),
                        String.valueOf(scanFront),
                        ports(scans))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("front.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening(ledgerFront) || !listening(scanFront)) {
            if (!front.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the nginx front did not start; see " + dir.resolve("front.log"));
            }
            sleep(100);
        }
    }

    /** Whether nginx is here to be the front; the soak needs it (CI installs it, see {@code .ci/run}). */
    static boolean frontAvailable() {
        try {
            return new ProcessBuilder("nginx", "-v").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String ledgerUrl() {
        return "http://127.0.0.1:" + ledgerFront;
    }

    String scanUrl() {
        return "http://127.0.0.1:" + scanFront;
    }

    List<ServiceProcess> replicas(Target.Service service) {
        return service == Target.Service.LEDGER ? ledgers : scans;
    }

    List<ServiceProcess> all() {
        var all = new ArrayList<>(ledgers);
        all.addAll(scans);
        return all;
    }

    long count(String db, String sql) {
        return database.queryLong(db, sql);
    }

    Path dir() {
        return dir;
    }

    private static String ports(List<ServiceProcess> replicas) {
        return replicas.stream().map(r -> String.valueOf(r.port())).collect(Collectors.joining(","));
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (front != null) {
            front.destroy();
        }
        all().forEach(ServiceProcess::kill);
        brokerLink.close();
        databaseLink.close();
        kafka.close();
        database.close();
    }
}
