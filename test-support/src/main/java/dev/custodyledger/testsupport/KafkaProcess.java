package dev.custodyledger.testsupport;

import dev.custodyledger.kafka.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker as a child process of the test JVM, on fixed ports and a data folder that
 * survive a {@link #kill()}: what fault tests restart under a running system. The broker runs from the test
 * JVM's own class path (the Kafka server jars come with the test kit), as the local stack runs it.
 */
public final class KafkaProcess implements KafkaBroker {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    /** The second listener's port and the port it advertises (a proxy's in front of it), or 0 for none. */
    private final int servicesPort;

    private final int servicesAdvertisedPort;
    private Process process;

    private KafkaProcess(Path dir, int port, int controllerPort, int servicesPort, int servicesAdvertisedPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.servicesPort = servicesPort;
        this.servicesAdvertisedPort = servicesAdvertisedPort;
    }

    /** Formats a fresh broker under {@code dir}, starts it and creates the custody topics. */
    public static KafkaProcess start(Path dir) {
        return start(dir, 0);
    }

    /**
     * As {@link #start(Path)}, with a second listener (on {@link #servicesListenerPort()}) that advertises {@code
     * advertisedPort}: clients that bootstrap through a proxy on that port keep talking through it, while the
     * test's own clients use {@link #bootstrapServers()} directly.
     */
    public static KafkaProcess start(Path dir, int advertisedPort) {
        try {
            Files.createDirectories(dir.resolve("data"));
            var kafka = new KafkaProcess(
                    dir.toAbsolutePath(), freePort(), freePort(), advertisedPort == 0 ? 0 : freePort(), advertisedPort);
            kafka.writeConfig();
            kafka.run(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    kafka.config().toString()));
            kafka.restart();
            Topics.ensure(kafka.bootstrapServers(), (short) 1);
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare a Kafka broker in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The second listener's own port (what a proxy forwards to); 0 without one. */
    public int servicesListenerPort() {
        return servicesPort;
    }

    /** SIGSTOP: the broker holds its connections and answers nothing until {@link #resume}. */
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

    /** SIGTERM: a controlled shutdown; then it is started again on the same ports and data. */
    public synchronized void stopAndStart() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        restart();
    }

    /** SIGKILL: the broker dies without a controlled shutdown; its files stay. */
    public synchronized void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the broker (again) on the same ports and data, and waits until it accepts connections. */
    public synchronized void restart() {
        kill();
        try {
            process = java(List.of("kafka.Kafka", config().toString()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("kafka.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start Kafka: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not start; see " + dir.resolve("kafka.log"));
            }
            nap();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void writeConfig() throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String advertised = "PLAINTEXT://127.0.0.1:" + port;
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (servicesPort != 0) {
            listeners += ",SERVICES://127.0.0.1:" + servicesPort;
            advertised += ",SERVICES://127.0.0.1:" + servicesAdvertisedPort;
            protocols += ",SERVICES:PLAINTEXT";
        }
        Files.writeString(
                config(),
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=" + listeners,
                        "advertised.listeners=" + advertised,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=" + protocols,
                        "log.dirs=" + dir.resolve("data"),
                        "auto.create.topics.enable=false",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        ""));
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private void run(List<String> command) throws IOException {
        try {
            Process tool = java(command)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("kafka.log").toFile()))
                    .start();
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed; see " + dir.resolve("kafka.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static ProcessBuilder java(List<String> command) {
        var args = new java.util.ArrayList<>(
                List.of(ServiceProcess.java(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        args.addAll(command);
        return new ProcessBuilder(args).redirectErrorStream(true);
    }

    private boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void nap() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port of 127.0.0.1 free at the moment of asking. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
