package dev.custodyledger.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * The local stack's PostgreSQL: zonky's embedded PostgreSQL 17 binaries, with its data kept in a folder so
 * that a second start reuses it, and durability settings back on (zonky turns fsync off for tests). Runs
 * until it is sent SIGTERM, then stops the server cleanly.
 *
 * <p>Usage: {@code PostgresServer <data-dir> <port> <database>...}
 */
public final class PostgresServer {
    private PostgresServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PostgresServer <data-dir> <port> <database>...");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // The read models of a million units are several hundred megabytes: served from PostgreSQL's own
                // buffers rather than copied in from the OS cache on every verify (the default is 128 MB).
                .setServerConfig("shared_buffers", System.getenv().getOrDefault("CUSTODY_PG_SHARED_BUFFERS", "1GB"))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String database : List.of(args).subList(2, args.length)) {
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    c.createStatement().execute("create database " + database);
                }
            }
            var fsync = c.createStatement().executeQuery("show fsync");
            fsync.next();
            System.out.println(
                    "postgresql ready on 127.0.0.1:" + port + " (data " + data + ", fsync " + fsync.getString(1) + ")");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("postgresql stopped");
            } catch (Exception e) {
                System.err.println("postgresql did not stop cleanly: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }
}
