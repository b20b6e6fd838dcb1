package dev.custodyledger.cli;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class KeyFiles {
    private KeyFiles() {}

    static Ed25519PrivateKey privateKey(Path file, Passphrase passphrase) throws IOException {
        String pem = Files.readString(file);
        return KeyPem.parsePrivateKey(pem, pem.contains("ENCRYPTED") ? passphrase.get(false) : null);
    }

    static Ed25519PublicKey publicKey(Path file, Passphrase passphrase) throws IOException {
        String pem = Files.readString(file);
        return pem.contains("PUBLIC KEY")
                ? KeyPem.parsePublicKey(pem)
                : privateKey(file, passphrase).publicKey();
    }

    /** A public key given as base64url text or as a PEM file. */
    static Ed25519PublicKey publicKey(String text) throws IOException {
        Path path = Path.of(text);
        return Files.isRegularFile(path)
                ? KeyPem.parsePublicKey(Files.readString(path))
                : Ed25519PublicKey.ofBase64Url(text);
    }
}
