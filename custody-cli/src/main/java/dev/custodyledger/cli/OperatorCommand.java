package dev.custodyledger.cli;

import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.CustodyEvent.KeyRevoked;
import dev.custodyledger.core.event.CustodyEvent.PartyRegistered;
import dev.custodyledger.core.event.CustodyEvent.PartySuspended;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.Gln;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "operator",
        description = "Registry events signed with the operator key: the bootstrap of a ledger.",
        mixinStandardHelpOptions = true,
        subcommands = {
            OperatorCommand.RegisterParty.class,
            OperatorCommand.AddKey.class,
            OperatorCommand.RevokeKey.class,
            OperatorCommand.SuspendParty.class,
            OperatorCommand.IssueCredential.class
        })
final class OperatorCommand {

    /** What every operator command needs: the operator's key and id, and where to send the event. */
    static final class Operator {
        @Option(
                names = "--operator-key",
                required = true,
                paramLabel = "FILE",
                description = "the operator's private key (PEM)")
        Path key;

        @Option(
                names = "--operator-id",
                defaultValue = "operator",
                description = "the operator's party id (default: ${DEFAULT-VALUE})")
        String id;

        @ArgGroup(exclusive = false)
        Passphrase passphrase = new Passphrase();

        Ed25519PrivateKey privateKey() throws IOException {
            return KeyFiles.privateKey(key, passphrase);
        }

        EventHeader header(EventType type, Ed25519PrivateKey key) {
            return new EventHeader(
                    type, Instant.now().truncatedTo(ChronoUnit.MILLIS), PartyId.of(id), key.keyId(), nonce(), null);
        }
    }

    /** A registry event: built from its header, signed with the operator key, submitted (or shown, dry run). */
    abstract static class RegistryCommand implements Callable<Integer> {
        @Mixin
        Operator operator;

        @Mixin
        LedgerTarget target;

        abstract EventType type();

        abstract CustodyEvent event(EventHeader header) throws IOException;

        @Override
        public final Integer call() throws IOException, InterruptedException {
            Ed25519PrivateKey key = operator.privateKey();
            return target.signAndSubmit(event(operator.header(type(), key)), key);
        }
    }

    static String nonce() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Command(
            name = "register-party",
            description = "Register a party with its roles and GS1 company prefixes.",
            mixinStandardHelpOptions = true)
    static final class RegisterParty extends RegistryCommand {
        @Option(names = "--id", required = true, description = "the party's id, e.g. acme-foods")
        String id;

        @Option(names = "--name", required = true, description = "display name")
        String name;

        @Option(
                names = "--role",
                required = true,
                split = ",",
                description = "producer, logistics, distributor, retailer, inspector")
        List<String> roles;

        @Option(names = "--prefix", split = ",", description = "GS1 company prefixes the party owns (producers)")
        List<String> prefixes = List.of();

        @Option(names = "--gln", description = "the party's GLN")
        String gln;

        @Option(names = "--city", description = "city, shown to consumers in journeys")
        String city;

        @Option(names = "--country", description = "ISO 3166-1 alpha-2 country")
        String country;

        @Override
        EventType type() {
            return EventType.PARTY_REGISTERED;
        }

        @Override
        CustodyEvent event(EventHeader header) {
            var profile = new PartyProfile(
                    PartyId.of(id),
                    name,
                    roles.stream().map(Role::fromWire).toList(),
                    prefixes.stream().map(CompanyPrefix::new).toList(),
                    gln == null ? null : new Gln(gln),
                    city == null ? null : new Location(city, country));
            return new PartyRegistered(header, profile);
        }
    }

    @Command(
            name = "add-key",
            description =
                    "Register a party's public key for a purpose (custody, label; operator and log for the operator).",
            mixinStandardHelpOptions = true)
    static final class AddKey extends RegistryCommand {
        @Option(names = "--party", required = true)
        String party;

        @Option(names = "--public-key", required = true, description = "base64url or a PEM file")
        String publicKey;

        @Option(
                names = "--purpose",
                defaultValue = "custody",
                description = "custody, label, operator or log (default: ${DEFAULT-VALUE})")
        String purpose;

        @Override
        EventType type() {
            return EventType.KEY_ADDED;
        }

        @Override
        CustodyEvent event(EventHeader header) throws IOException {
            return new KeyAdded(header, PartyId.of(party), KeyFiles.publicKey(publicKey), KeyPurpose.fromWire(purpose));
        }
    }

    @Command(
            name = "revoke-key",
            description = "Revoke a party's key from the next ledger position on.",
            mixinStandardHelpOptions = true)
    static final class RevokeKey extends RegistryCommand {
        @Option(names = "--party", required = true)
        String party;

        @Option(names = "--key-id", required = true)
        String keyId;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        EventType type() {
            return EventType.KEY_REVOKED;
        }

        @Override
        CustodyEvent event(EventHeader header) {
            return new KeyRevoked(header, PartyId.of(party), new KeyId(keyId), reason);
        }
    }

    @Command(
            name = "suspend-party",
            description = "Suspend a party: its keys sign nothing more and its credentials stop working everywhere.",
            mixinStandardHelpOptions = true)
    static final class SuspendParty extends RegistryCommand {
        @Option(names = "--party", required = true)
        String party;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        EventType type() {
            return EventType.PARTY_SUSPENDED;
        }

        @Override
        CustodyEvent event(EventHeader header) {
            return new PartySuspended(header, PartyId.of(party), reason);
        }
    }

    @Command(
            name = "issue-credential",
            description =
                    "Issue a party credential (an EdDSA JWT) for the reads that need one; suspending the party revokes it.",
            mixinStandardHelpOptions = true)
    static final class IssueCredential implements Callable<Integer> {
        @Mixin
        Operator operator;

        @Option(names = "--party", required = true)
        String party;

        @Option(names = "--role", split = ",", description = "the party's roles, as registered")
        List<String> roles = List.of();

        @Option(
                names = "--ttl",
                defaultValue = "PT1H",
                description = "lifetime, ISO-8601, at most PT24H (default: ${DEFAULT-VALUE})")
        java.time.Duration ttl;

        @Override
        public Integer call() throws IOException {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var credential = new PartyCredential(
                    PartyId.of(party), roles.stream().map(Role::fromWire).toList(), now, now.plus(ttl), nonce());
            System.out.println(credential.sign(operator.privateKey()));
            return 0;
        }
    }
}
