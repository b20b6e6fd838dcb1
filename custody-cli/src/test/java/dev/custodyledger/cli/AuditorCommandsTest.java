package dev.custodyledger.cli;

import static dev.custodyledger.cli.CustodyCliTest.run;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.label.LabelPayload;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.LedgerTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's replay and the offline label check, against a real Kafka topic filled with signed events. */
class AuditorCommandsTest {
    static final TestLedger LEDGER = TestLedger.startingNow();
    static final Ed25519PrivateKey LABEL_KEY = TestLedger.key("cli-label");
    static final ItemCode TIN = item(gtin("9506000", 42), "CLI1");
    static String bootstrap;
    static String anchor;

    @TempDir
    Path dir;

    @BeforeAll
    static void aLedgerWithABrandItsLabelKeyAUnitAndOneRejectedEvent() {
        bootstrap = Infrastructure.kafka().bootstrapServers();
        anchor = LEDGER.operatorKey().publicKey().base64Url();
        List<SignedEvent> log = new ArrayList<>(LEDGER.onboard("cli-brand", Role.PRODUCER, "9506000"));
        log.add(LEDGER.addKey("cli-brand", LABEL_KEY, KeyPurpose.LABEL));
        log.add(LEDGER.commission("cli-brand", "L1", TIN));
        log.add(LEDGER.commission("cli-brand", "L1", TIN)); // refused by the fold: already commissioned
        LedgerTopic.append(log);
    }

    @Test
    void replayPrintsTheCountsByOutcomeAndTheSameDigestAsAnyOtherFoldOfTheLog() {
        var result = run("ledger", "replay", "--kafka", bootstrap, "--operator-public-key", anchor);

        String digest = (LedgerReplay.replay(bootstrap, LEDGER.anchor(), LedgerRules.DEFAULT)
                        .state())
                .commitment();
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("records    5 (seq 1..5)", "accepted   4", "rejected   1  {ALREADY_COMMISSIONED=1}")
                .contains("digest     " + digest);
        assertThat(result.err())
                .as("progress on stderr, plain lines off a terminal")
                .contains("replaying custody.ledger");
    }

    @Test
    void aLabelVerifiesOfflineAgainstTheExportedRegistryAndAForgedOneDoesNot() {
        Path registry = dir.resolve("keys.json");
        assertThat(run(
                                "ledger",
                                "replay",
                                "--kafka",
                                bootstrap,
                                "--operator-public-key",
                                anchor,
                                "--export-keys",
                                registry.toString())
                        .exit())
                .isZero();
        String genuine = LabelPayload.sign(LABEL_KEY, TIN, Lot.of("L1"), new Yymmdd("281130"))
                .uri("https://id.example.com");
        String forged = LabelPayload.sign(TestLedger.key("counterfeiter"), TIN, Lot.of("L1"), new Yymmdd("281130"))
                .uri("https://id.example.com");

        var ok = run("label", "verify-offline", genuine, "--registry", registry.toString());
        var bad = run("label", "verify-offline", forged, "--registry", registry.toString());
        var unknown = run(
                "label",
                "verify-offline",
                "https://id.example.com/01/" + gtin("9599999", 1).value() + "/21/X",
                "--registry",
                registry.toString());

        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("VALID").contains("Party cli-brand");
        assertThat(bad.exit()).isEqualTo(CustodyCli.REJECTED);
        assertThat(bad.out()).startsWith("INVALID");
        assertThat(unknown.out()).startsWith("UNKNOWN_BRAND");
    }

    @Test
    void anUnreachableKafkaIsOneLineAndExitCodeThree() {
        var result = run(
                "ledger", "replay", "--kafka", "127.0.0.1:1", "--operator-public-key", anchor, "--kafka-timeout", "3s");

        assertThat(result.exit()).isEqualTo(CustodyCli.UNREACHABLE);
        assertThat(result.err().strip())
                .startsWith("custody: cannot read custody.ledger")
                .doesNotContain("\n\tat ");
    }
}
