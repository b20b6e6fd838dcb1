package dev.custodyledger.ledger;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.core.tlog.NoteKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two {@code custody witness} processes on 127.0.0.1, run from the CLI's jar, each with its own key and state file,
 * configured as ledger-service's witnesses with a quorum of two. A test stops and starts one again on its state.
 */
public final class WitnessProcesses implements QuarkusTestResourceLifecycleManager {
    static final Path JAR = Path.of("..", "custody-cli", "target", "custody.jar");
    static final List<WitnessProcesses.One> WITNESSES = new ArrayList<>();

    /** One witness: its port, files and (while running) its process. */
    static final class One {
        final String name;
        final int port;
        final Path dir;
        final NoteKey verifier;
        Process process;

        One(String name, int port, Path dir, NoteKey verifier) {
            this.name = name;
            this.port = port;
            this.dir = dir;
            this.verifier = verifier;
        }

        void start() {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String log = new NoteKey(
                            "localhost/custody-ledger",
                            NoteKey.ED25519,
                            TestLedger.key("log").publicKey())
                    .vkey();
            try {
                process = new ProcessBuilder(
                                java,
                                "-Xmx64m",
                                "-jar",
                                JAR.toString(),
                                "witness",
                                "--name",
                                name,
                                "--key",
                                dir.resolve("witness.key.pem").toString(),
                                "--log",
                                log,
                                "--state",
                                dir.resolve("witness.state").toString(),
                                "--listen",
                                "127.0.0.1:" + port)
                        .redirectErrorStream(true)
                        .redirectOutput(log().toFile())
                        .start();
                for (int i = 0; i < 300 && !Files.readString(log()).contains("listening"); i++) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("witness " + name + " exited: " + Files.readString(log()));
                    }
                    Thread.sleep(50);
                }
                if (!Files.readString(log()).contains("listening")) {
                    throw new IllegalStateException("witness " + name + " did not start within 15 s");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Each start writes its output anew. */
        private Path log() {
            return dir.resolve("witness.log");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        String url() {
            return "http://127.0.0.1:" + port + "/add-checkpoint";
        }
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is not built (mvn package -pl custody-cli)");
        }
        try {
            for (int i = 1; i <= 2; i++) {
                Path dir = Files.createTempDirectory("witness-" + i);
                var key = Ed25519PrivateKey.generate();
                Files.writeString(dir.resolve("witness.key.pem"), KeyPem.privateKey(key));
                String name = "witness.test/w" + i;
                var one = new One(name, freePort(), dir, new NoteKey(name, NoteKey.COSIGNATURE, key.publicKey()));
                one.start();
                WITNESSES.add(one);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                // An application of its own (other resources): its own fold state, not the other classes'.
                "custody.projection.state-dir",
                "target/fold-state/witnessed-" + java.util.UUID.randomUUID(),
                "custody.tlog.witnesses",
                WITNESSES.stream().map(w -> w.url() + " " + w.verifier.vkey()).collect(Collectors.joining(",")),
                "custody.tlog.witness-quorum",
                "2");
    }

    @Override
    public void stop() {
        WITNESSES.forEach(w -> w.process.destroyForcibly());
        WITNESSES.clear();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
