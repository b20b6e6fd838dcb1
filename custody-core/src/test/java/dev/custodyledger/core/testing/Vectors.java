package dev.custodyledger.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared conformance vectors ({@code ../shared/vectors}). They are read in place, never copied into the
 * project; where the folder is absent (a user's machine) the tests that need them are skipped, saying so.
 */
public final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    public static Path dir() {
        String configured = System.getProperty("conformance.vectors.dir", "../../shared/vectors");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        Assumptions.assumeTrue(
                Files.isDirectory(dir),
                "conformance vectors not found at " + dir + " (set -Dconformance.vectors.dir); skipping vector tests");
        return dir;
    }

    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "vector file missing: " + file);
        return file;
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
