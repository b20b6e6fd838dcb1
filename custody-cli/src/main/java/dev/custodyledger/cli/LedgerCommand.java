package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.MemoryStateStore;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.kafka.KafkaAccess;
import dev.custodyledger.kafka.LedgerReplay;
import dev.custodyledger.store.RocksStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ledger",
        description = "The auditor's tools: fold custody.ledger yourself and compare with what the services say.",
        mixinStandardHelpOptions = true,
        subcommands = {LedgerCommand.Replay.class, LedgerCommand.Compare.class})
final class LedgerCommand {

    /** Where the ledger topic is and whom to trust. */
    static final class Source {
        @Option(
                names = "--kafka",
                defaultValue = "${CUSTODY_KAFKA:-127.0.0.1:19092}",
                description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
        String kafka;

        @Mixin
        TrustAnchorOptions anchor;

        @Option(
                names = "--in-heap",
                description = "fold in memory instead of a store in a temporary folder (small logs only)")
        boolean inHeap;

        @Option(
                names = "--kafka-timeout",
                defaultValue = "30s",
                description = "how long to wait for Kafka before giving up (default: ${DEFAULT-VALUE})")
        String timeout;

        KafkaAccess access() {
            String millis = String.valueOf(java.time.Duration.parse("PT" + timeout.toUpperCase(Locale.ROOT))
                    .toMillis());
            return new KafkaAccess(kafka, Map.of("default.api.timeout.ms", millis, "request.timeout.ms", millis));
        }

        /** Reads the whole topic, re-verifying every signature, and folds it from genesis. */
        Replayed replay() throws IOException {
            return replay(null);
        }

        /** Replays, also growing the log's tree when {@code tree} is given (its leaves from each outcome). */
        Replayed replay(LogTreeCheck tree) throws IOException {
            var byCode = new TreeMap<String, Long>();
            var progress = new Progress("replaying custody.ledger");
            var listener = new LedgerReplay.Listener() {
                long folded;

                @Override
                public void started(long records) {
                    progress.total(records);
                }

                @Override
                public void folded(Outcome outcome, CustodyState state, byte[] value) {
                    if (!outcome.accepted()) {
                        byCode.merge(outcome.code().name(), 1L, Long::sum);
                    }
                    if (tree != null) {
                        tree.append(outcome, value);
                    }
                    progress.at(++folded);
                }
            };
            CustodyFold fold;
            // A log of a billion units does not fit the heap: the state goes to a store in a folder of its own,
            // deleted afterwards; what the report prints (position, registry) stays at hand.
            Path folder = inHeap ? null : Files.createTempDirectory("custody-replay");
            StateStore store = inHeap ? new MemoryStateStore() : RocksStateStore.open(folder, 256L << 20);
            try {
                fold = LedgerReplay.replay(access(), anchor.anchor(), LedgerRules.DEFAULT, listener, store);
            } catch (org.apache.kafka.common.KafkaException e) {
                throw new IOException("cannot read custody.ledger from " + kafka + ": " + e.getMessage());
            } finally {
                store.close();
                if (folder != null) {
                    deleteTree(folder);
                }
            }
            progress.done();
            return new Replayed(fold, byCode);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** A replay's result: the fold's position and registry (its store is closed). */
    record Replayed(CustodyFold fold, Map<String, Long> rejections) {
        String digest() {
            return fold.state().commitment();
        }

        long seq() {
            return fold.state().lastSeq();
        }

        void print() {
            var state = fold.state();
            System.out.printf(Locale.ROOT, "records    %,d (seq 1..%d)%n", seq(), seq());
            System.out.printf(Locale.ROOT, "accepted   %,d%n", state.acceptedCount());
            System.out.printf(
                    Locale.ROOT,
                    "rejected   %,d%s%n",
                    state.rejectedCount(),
                    rejections.isEmpty() ? "" : "  " + rejections);
            System.out.printf(
                    Locale.ROOT,
                    "units      %,d   parties %d   keys %d%n",
                    state.unitCount(),
                    state.parties().size(),
                    state.keys().size());
            System.out.println("digest     " + digest());
        }
    }

    @Command(
            name = "replay",
            description = "Read custody.ledger from Kafka, re-verify every signature, fold it with custody-core and"
                    + " print the counts by outcome and the state digest. Trusts only the log and the operator key.",
            mixinStandardHelpOptions = true)
    static final class Replay implements Callable<Integer> {
        @Mixin
        Source source;

        @Option(
                names = "--export-keys",
                paramLabel = "FILE",
                description = "also write the registry's label keys (per brand, with its company prefixes) for"
                        + " `custody label verify-offline`")
        Path exportKeys;

        @Mixin
        LogTreeCheck.Options tree;

        @Override
        public Integer call() throws IOException, InterruptedException {
            LogTreeCheck check = tree.check();
            Replayed replayed = source.replay(check);
            replayed.print();
            boolean rootAgrees = check.report();
            if (exportKeys != null) {
                Files.writeString(exportKeys, labelKeys(replayed.fold()).toPrettyString());
                System.out.println("label keys written to " + exportKeys);
            }
            return rootAgrees ? 0 : 1;
        }

        /** {"brands":[{"party","name","prefixes":[…],"labelKeys":[{"keyId","publicKey","revoked"}]}]} at the log's end. */
        static ObjectNode labelKeys(CustodyFold fold) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("seq", fold.state().lastSeq());
            var brands = root.putArray("brands");
            for (PartyState party : fold.state().parties()) {
                var keys = fold.state().keys().stream()
                        .filter(k -> k.party().equals(party.id()) && k.purpose() == KeyPurpose.LABEL)
                        .toList();
                if (keys.isEmpty()) {
                    continue;
                }
                ObjectNode brand = brands.addObject();
                brand.put("party", party.id().value());
                brand.put("name", party.profile().name());
                var prefixes = brand.putArray("prefixes");
                party.profile().companyPrefixes().forEach(p -> prefixes.add(p.value()));
                var array = brand.putArray("labelKeys");
                for (KeyState key : keys) {
                    array.addObject()
                            .put("keyId", key.keyId().value())
                            .put("publicKey", key.publicKey().base64Url())
                            .put("revoked", key.revoked());
                }
            }
            return root;
        }
    }

    @Command(
            name = "compare",
            description = "Replay the ledger and check the digest against ledger-service's and scan-service's head:"
                    + " the auditor's proof that the services tell the truth. Exit 0 when all agree.",
            mixinStandardHelpOptions = true)
    static final class Compare implements Callable<Integer> {
        @Mixin
        Source source;

        @Option(names = "--ledger", defaultValue = "${CUSTODY_LEDGER_URL:-http://127.0.0.1:8081}")
        String ledger;

        @Option(names = "--scan", defaultValue = "${CUSTODY_SCAN_URL:-http://127.0.0.1:8082}")
        String scan;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Replayed replayed = source.replay();
            System.out.printf(Locale.ROOT, "%-14s seq %-10d %s%n", "replay", replayed.seq(), replayed.digest());
            boolean agree = true;
            for (var service :
                    Map.of("ledger-service", ledger, "scan-service", scan).entrySet()) {
                JsonNode head = StrictJson.parse(Http.get(service.getValue() + "/v1/ledger/head"));
                long seq = head.path("seq").asLong();
                String digest = head.path("stateDigest").asText();
                String verdict = seq != replayed.seq()
                        ? "NOT COMPARABLE (the ledger moved: run again when it is quiet)"
                        : digest.equals(replayed.digest()) ? "AGREES" : "DIFFERS";
                System.out.printf(Locale.ROOT, "%-14s seq %-10d %s  %s%n", service.getKey(), seq, digest, verdict);
                agree &= verdict.equals("AGREES");
            }
            return agree ? 0 : CustodyCli.REJECTED;
        }
    }
}
