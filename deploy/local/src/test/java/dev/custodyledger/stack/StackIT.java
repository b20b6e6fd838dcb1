package dev.custodyledger.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code ./stack} as a user would, on its own ports and data folder: up, status, a second up that
 * changes nothing, stop, and an up that finds the data it left.
 */
class StackIT {
    static final Path ROOT = Path.of(System.getProperty("custody.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final String KAFKA_PORT = "29092";
    static final String PG_PORT = "25432";

    @TempDir
    static Path stackDir;

    @BeforeAll
    static void up() throws Exception {
        String out = stack("up", "--no-build");
        assertThat(out).contains("kafka       started", "postgresql  started", "topics      custody.ledger");
    }

    @AfterAll
    static void stop() throws Exception {
        stack("stop");
    }

    @Test
    void statusShowsBothRunningAndASecondUpChangesNothing() throws Exception {
        assertThat(stack("status")).containsPattern("kafka +running").containsPattern("postgres +running");
        String again = stack("up", "--no-build");
        assertThat(again).contains("kafka       already running", "postgresql  already running");
    }

    @Test
    void stopEndsBothAndTheNextUpReusesTheData() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/ledger";
        try (var c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("create table survivor(n int); insert into survivor values (42)");
        }
        stack("stop");
        assertThat(stack("status")).containsPattern("kafka +stopped").containsPattern("postgres +stopped");

        assertThat(stack("up", "--no-build")).contains("kafka       started");
        try (var c = DriverManager.getConnection(url, "postgres", "postgres")) {
            var rs = c.createStatement().executeQuery("select n from survivor");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(Files.list(stackDir.resolve("kafka/data"))
                        .map(p -> p.getFileName().toString()))
                .contains("custody.ledger-0");
    }

    static String stack(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(ROOT.resolve("stack").toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CUSTODY_STACK_DIR", stackDir.toString());
        pb.environment().put("CUSTODY_KAFKA_PORT", KAFKA_PORT);
        pb.environment().put("CUSTODY_PG_PORT", PG_PORT);
        pb.environment().put("CUSTODY_HTTP_PORT_BASE", "28081");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
