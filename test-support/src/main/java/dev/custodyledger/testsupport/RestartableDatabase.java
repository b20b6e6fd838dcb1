package dev.custodyledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 17 (zonky's binaries) on a fixed port and data folder, so that a fault test can stop it
 * under running services and start it again with its data. Not shared: each fault test owns its server.
 */
public final class RestartableDatabase extends ZonkyDatabase {
    private final Path data;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartableDatabase(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static RestartableDatabase start(Path data) {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var db = new RestartableDatabase(data.toAbsolutePath(), socket.getLocalPort());
            socket.close();
            db.restart();
            return db;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (a fast shutdown: sessions are cut); its data stays. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop: " + e.getMessage(), e);
            }
            postgres = null;
        }
    }

    /** SIGSTOP to the server and its backends: connections stay open and nothing answers until {@link #resume}. */
    public synchronized void pause() {
        Signals.send(postmaster(), "STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public synchronized void resume() {
        Signals.send(postmaster(), "CONT");
    }

    /**
     * SIGKILL to the server and its backends, as a crash of the host would leave them: the next {@link #restart}
     * recovers from the write-ahead log.
     */
    public synchronized void kill() {
        if (postgres == null) {
            return;
        }
        ProcessHandle postmaster = postmaster();
        Signals.send(postmaster, "KILL");
        postmaster.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        try {
            postgres.close(); // releases the data folder; the server is gone already
        } catch (IOException | RuntimeException e) {
            // pg_ctl finds no server to stop: what a crash looks like
        }
        postgres = null;
    }

    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not running: " + e.getMessage(), e);
        }
    }

    /** Starts the server (again) on the same port and data. */
    public synchronized void restart() {
        stop();
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    synchronized EmbeddedPostgres server() {
        return postgres;
    }

    @Override
    public void close() {
        stop();
    }
}
