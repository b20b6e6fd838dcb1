package dev.custodyledger.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service of this build run as its own process against the test JVM's Kafka and PostgreSQL, as the local
 * stack runs it: the packaged {@code quarkus-run.jar}, configured through environment variables, on a free
 * port of 127.0.0.1. Tests that need another service for real (label-service commissioning through
 * ledger-service) start it with this; {@link #stop} and {@link #start} again simulate an outage.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Path jar;
    private static final String STATE_DIR = "CUSTODY_PROJECTION_STATE_DIR";
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Path jar, Map<String, String> env, Path log, int port) {
        this.name = name;
        this.jar = jar;
        this.env = env;
        this.log = log;
        this.port = port;
    }

    /**
     * Prepares {@code module} (e.g. {@code ledger-service}) with its own database on the shared server and the
     * given operator public key; {@code repo.root} (a system property) points at the build's root.
     */
    public static ServiceProcess of(String module, String database, String operatorPublicKey, Path logDir) {
        return of(module, Infrastructure.kafka(), Infrastructure.database(), database, operatorPublicKey, logDir);
    }

    /** As {@link #of(String, String, String, Path)}, on a given broker and server (fault tests restart theirs). */
    public static ServiceProcess of(
            String module, KafkaBroker kafka, Database db, String database, String operatorPublicKey, Path logDir) {
        Path root =
                Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + module + " first (mvn -pl " + module
                    + " package -DskipTests), or run the whole build, which packages it before this module");
        }
        db.createDatabase(database);
        int port = freePort();
        var env = new HashMap<String, String>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("CUSTODY_OPERATOR_PUBLIC_KEY", operatorPublicKey);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // The fold's state store, the replica's own folder: a restart after a kill opens it and folds on. New for
        // each process object, so that a store of an earlier run (another ledger) is never met.
        env.put(STATE_DIR, stateDir(logDir, module).toString());
        return new ServiceProcess(module, jar, env, logDir.resolve(module + ".log"), port);
    }

    /** The same service as another replica: its own name (for its log) and port, the same database. */
    public ServiceProcess replica(String replicaName) {
        var copy = new ServiceProcess(
                replicaName, jar, new HashMap<>(env), log.resolveSibling(replicaName + ".log"), freePort());
        copy.env.put("QUARKUS_HTTP_PORT", String.valueOf(copy.port));
        copy.env.put(STATE_DIR, stateDir(log.getParent(), replicaName).toString());
        return copy;
    }

    private static Path stateDir(Path logDir, String name) {
        return logDir.resolve("state").resolve(name + "-" + Long.toString(System.nanoTime(), 36));
    }

    /** One more environment variable for the process (configuration, e.g. CUSTODY_KEYS_PASSPHRASE). */
    public ServiceProcess withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits (up to two minutes) until it reports ready (for a folding service: caught up). */
    public synchronized ServiceProcess start() {
        return start("/q/health/ready");
    }

    /** Starts the process and waits only until it is alive: for tests that act while it still catches up. */
    public synchronized ServiceProcess startAlive() {
        return start("/q/health/live");
    }

    /** The test's own JVM: services under test run on the JDK the build chose, whatever is on the PATH. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private ServiceProcess start(String health) {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(java(), "-Xmx512m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
        await(health);
        return this;
    }

    /** Stops it gracefully (SIGTERM), or kills it after 20 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL: no shutdown hooks, no draining; what a crash looks like. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGSTOP: the process keeps its sockets and its Kafka sessions but answers nothing until {@link #resume}. */
    public synchronized void pause() {
        if (process != null) {
            Signals.send(process.toHandle(), "STOP");
        }
    }

    /** SIGCONT after {@link #pause}. */
    public synchronized void resume() {
        if (process != null) {
            Signals.send(process.toHandle(), "CONT");
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        stop();
    }

    private void await(String health) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var ready = HttpRequest.newBuilder(URI.create(url() + health))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep();
        }
        throw new IllegalStateException(name + " did not answer within two minutes; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
