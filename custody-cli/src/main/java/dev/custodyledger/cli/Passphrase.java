package dev.custodyledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a private key's passphrase comes from: an environment variable, a file, or (on a terminal) a prompt. */
final class Passphrase {
    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "read the passphrase from this environment variable")
    String env;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "read the passphrase from the first line of this file")
    Path file;

    @Option(names = "--no-passphrase", description = "store the private key unencrypted (local development only)")
    boolean none;

    /** The passphrase, or null for an unencrypted key. */
    char[] get(boolean confirm) throws IOException {
        if (none) {
            return null;
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + env + " is not set");
            }
            return value.toCharArray();
        }
        if (file != null) {
            return Files.readAllLines(file).get(0).toCharArray();
        }
        var console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(
                    "no terminal to ask for a passphrase: use --passphrase-env, --passphrase-file or --no-passphrase");
        }
        char[] first = console.readPassword("passphrase: ");
        if (confirm && !java.util.Arrays.equals(first, console.readPassword("again: "))) {
            throw new IllegalArgumentException("the passphrases differ");
        }
        return first;
    }
}
