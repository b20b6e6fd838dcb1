package dev.custodyledger.cli;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "keys",
        description = "Ed25519 keys: generate, show, export the public half.",
        mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Generate.class, KeysCommand.Show.class, KeysCommand.ExportPublic.class})
final class KeysCommand {

    @Command(
            name = "generate",
            description = "Generate a key pair: NAME.key.pem (PKCS#8, encrypted) and NAME.pub.pem.",
            mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "file name stem, e.g. acme-custody")
        String name;

        @Option(names = "--dir", defaultValue = ".", description = "where to write the files (default: current folder)")
        Path dir;

        @ArgGroup(exclusive = false)
        Passphrase passphrase = new Passphrase();

        @Override
        public Integer call() throws IOException {
            Ed25519PrivateKey key = Ed25519PrivateKey.generate();
            char[] secret = passphrase.get(true);
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(name + ".key.pem");
            if (Files.exists(privateFile)) {
                throw new IllegalArgumentException(privateFile + " exists; refusing to overwrite a key");
            }
            Files.writeString(
                    privateFile, secret == null ? KeyPem.privateKey(key) : KeyPem.encryptedPrivateKey(key, secret));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(dir.resolve(name + ".pub.pem"), KeyPem.publicKey(key.publicKey()));
            System.out.println("keyId      " + key.keyId());
            System.out.println("publicKey  " + key.publicKey().base64Url());
            System.out.println("wrote      " + privateFile + " and " + dir.resolve(name + ".pub.pem"));
            return 0;
        }
    }

    /** A key file, private (passphrase if encrypted) or public. */
    static final class KeyFile {
        @Parameters(paramLabel = "FILE")
        Path file;

        @ArgGroup(exclusive = false)
        Passphrase passphrase = new Passphrase();

        Ed25519PublicKey publicKey() throws IOException {
            return KeyFiles.publicKey(file, passphrase);
        }
    }

    @Command(
            name = "show",
            description = "Show the key id and public key of a key file (private or public).",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin
        KeyFile key;

        @Override
        public Integer call() throws IOException {
            var publicKey = key.publicKey();
            System.out.println("keyId      " + publicKey.keyId());
            System.out.println("publicKey  " + publicKey.base64Url());
            return 0;
        }
    }

    @Command(
            name = "export-public",
            description = "Print the public key as PEM, for registration by the operator.",
            mixinStandardHelpOptions = true)
    static final class ExportPublic implements Callable<Integer> {
        @Mixin
        KeyFile key;

        @Override
        public Integer call() throws IOException {
            System.out.print(KeyPem.publicKey(key.publicKey()));
            return 0;
        }
    }
}
