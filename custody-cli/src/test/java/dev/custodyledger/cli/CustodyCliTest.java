package dev.custodyledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.event.SignedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyCliTest {
    @TempDir
    Path dir;

    @Test
    void generatedKeysSignEventsThatVerifyAndDryRunShowsTheCanonicalBytes() throws Exception {
        assertThat(run("keys", "generate", "acme", "--dir", dir.toString(), "--no-passphrase").exit)
                .isZero();
        Path description = dir.resolve("handoff.json");
        Files.writeString(
                description,
                "{\"type\":\"HANDOFF\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"],\"to\":\"fresh-mart\"}");

        Result signed = run(
                "event",
                "sign",
                description.toString(),
                "--key",
                dir.resolve("acme.key.pem").toString(),
                "--actor",
                "acme-foods");

        assertThat(signed.exit).isZero();
        SignedEvent event = SignedEvent.decode(signed.out.strip().getBytes(StandardCharsets.UTF_8));
        event.verifyWith(KeyPem.parsePublicKey(Files.readString(dir.resolve("acme.pub.pem"))));
        Result dry = run(
                "event",
                "sign",
                description.toString(),
                "--key",
                dir.resolve("acme.key.pem").toString(),
                "--actor",
                "acme-foods",
                "--dry-run");
        assertThat(dry.out).contains("canonical  {\"actor\":\"acme-foods\"").contains("eventId    sha256:");
    }

    @Test
    void anInvalidEventIsOneLineOfErrorAndExitCodeTwo() throws Exception {
        run("keys", "generate", "acme", "--dir", dir.toString(), "--no-passphrase");
        Path description = dir.resolve("bad.json");
        Files.writeString(
                description, "{\"type\":\"HANDOFF\",\"units\":[\"01/09506000134353/21/X\"],\"to\":\"fresh-mart\"}");

        Result result = run(
                "event",
                "sign",
                description.toString(),
                "--key",
                dir.resolve("acme.key.pem").toString(),
                "--actor",
                "acme-foods");

        assertThat(result.exit).isEqualTo(CustodyCli.USAGE);
        assertThat(result.err.strip())
                .startsWith("custody: ")
                .contains("check digit")
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void anEncryptedKeyNeedsItsPassphraseAndAnUnreachableLedgerIsExitCodeThree() throws Exception {
        Path secret = dir.resolve("pass.txt");
        Files.writeString(secret, "correct horse battery staple\n");
        assertThat(run("keys", "generate", "op", "--dir", dir.toString(), "--passphrase-file", secret.toString()).exit)
                .isZero();
        assertThat(Files.readString(dir.resolve("op.key.pem"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(run("keys", "show", dir.resolve("op.key.pem").toString(), "--passphrase-file", secret.toString())
                        .out)
                .contains("keyId      ed25519:");

        Result unreachable = run(
                "operator",
                "register-party",
                "--operator-key",
                dir.resolve("op.key.pem").toString(),
                "--passphrase-file",
                secret.toString(),
                "--id",
                "acme-foods",
                "--name",
                "ACME",
                "--role",
                "producer",
                "--ledger",
                "http://127.0.0.1:9");
        assertThat(unreachable.exit).isEqualTo(CustodyCli.UNREACHABLE);
        assertThat(unreachable.err).contains("cannot reach the ledger");
    }

    @Test
    void theOperatorIssuesCredentialsThatVerifyWithItsPublicKey() throws Exception {
        run("keys", "generate", "op", "--dir", dir.toString(), "--no-passphrase");
        Result issued = run(
                "operator",
                "issue-credential",
                "--operator-key",
                dir.resolve("op.key.pem").toString(),
                "--party",
                "acme-foods",
                "--role",
                "producer",
                "--ttl",
                "PT2H");
        assertThat(issued.exit).as(issued.err).isZero();
        var credential = dev.custodyledger.core.credential.PartyCredential.verify(
                issued.out.strip(),
                KeyPem.parsePublicKey(Files.readString(dir.resolve("op.pub.pem"))),
                java.time.Instant.now());
        assertThat(credential.party().value()).isEqualTo("acme-foods");
    }

    @Test
    void eachCustodyStepIsOneCommandThatBuildsAndSignsTheEvent() throws Exception {
        run("keys", "generate", "depot", "--dir", dir.toString(), "--no-passphrase");
        String key = dir.resolve("depot.key.pem").toString();

        Result handoff = run(
                "handoff",
                "--key",
                key,
                "--actor",
                "depot",
                "--to",
                "fresh-mart",
                "01/09506000134352/21/A1",
                "--dry-run");
        Result recall = run(
                "recall",
                "--key",
                key,
                "--actor",
                "depot",
                "--gtin",
                "09506000134352",
                "--lot",
                "L1",
                "--reason",
                "salmonella",
                "--dry-run");
        Result badUnit = run("sell", "--key", key, "--actor", "depot", "01/09506000134353/21/A1", "--dry-run");

        assertThat(handoff.exit).isZero();
        assertThat(handoff.out)
                .contains("\"type\":\"HANDOFF\"", "\"to\":\"fresh-mart\"", "\"actor\":\"depot\"")
                .contains("eventId    sha256:");
        assertThat(recall.out).contains("\"type\":\"RECALL\"", "\"lot\":\"L1\"");
        assertThat(badUnit.exit).isEqualTo(CustodyCli.USAGE);
        assertThat(badUnit.err.strip()).startsWith("custody: ").doesNotContain("\n");
    }

    @Test
    void aYamlDescriptionSignsTheSameEventAsItsJson() throws Exception {
        run("keys", "generate", "acme", "--dir", dir.toString(), "--no-passphrase");
        Path yaml = dir.resolve("receive.yaml");
        Files.writeString(
                yaml,
                "type: RECEIVE\nunits:\n  - 01/09506000134352/21/7Q2K9X4MZ3\nnonce: n00000000001\neventTime: 2026-11-28T10:00:00.000Z\n");
        Path json = dir.resolve("receive.json");
        Files.writeString(
                json,
                "{\"type\":\"RECEIVE\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"],\"nonce\":\"n00000000001\","
                        + "\"eventTime\":\"2026-11-28T10:00:00.000Z\"}");
        String key = dir.resolve("acme.key.pem").toString();

        Result fromYaml = run("event", "sign", yaml.toString(), "--key", key, "--actor", "acme-foods");
        Result fromJson = run("event", "sign", json.toString(), "--key", key, "--actor", "acme-foods");

        assertThat(fromYaml.exit).as(fromYaml.err).isZero();
        assertThat(fromYaml.out).isEqualTo(fromJson.out);
    }

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = CustodyCli.run(args);
            return new Result(
                    exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
