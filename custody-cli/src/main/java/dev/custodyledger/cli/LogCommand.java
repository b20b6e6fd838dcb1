package dev.custodyledger.cli;

import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.LogLeaf;
import dev.custodyledger.core.tlog.LogPolicy;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.TlogProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "log",
        description = "The transparency log: verifier keys, offline checks of inclusion proofs and of two checkpoints.",
        mixinStandardHelpOptions = true,
        subcommands = {LogCommand.Vkey.class, LogCommand.Verify.class, LogCommand.Consistency.class})
final class LogCommand {

    /** The trust policy of a check: the log's key, the witnesses', how many of them must have cosigned. */
    static final class Policy {
        @Option(names = "--log-key", required = true, description = "the log's verifier key (custody log vkey)")
        String log;

        @Option(names = "--witness", description = "a witness's verifier key; repeatable")
        List<String> witnesses = List.of();

        @Option(names = "--quorum", defaultValue = "0", description = "cosignatures needed (default: ${DEFAULT-VALUE})")
        int quorum;

        LogPolicy policy() {
            return new LogPolicy(
                    NoteKey.parse(log), witnesses.stream().map(NoteKey::parse).toList(), quorum);
        }
    }

    @Command(
            name = "vkey",
            description = "Print the verifier key of a log key or (--witness) a witness key: what checkers are given.",
            mixinStandardHelpOptions = true)
    static final class Vkey implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "the log's origin, or the witness's name")
        String name;

        @Option(names = "--key", required = true, description = "the key file (PEM, private or public)")
        Path key;

        @Option(names = "--witness", description = "a witness's cosignature key (type 0x04), not a log's")
        boolean witness;

        @ArgGroup(exclusive = false)
        Passphrase passphrase = new Passphrase();

        @Override
        public Integer call() throws IOException {
            int type = witness ? NoteKey.COSIGNATURE : NoteKey.ED25519;
            System.out.println(new NoteKey(name, type, KeyFiles.publicKey(key, passphrase)).vkey());
            return 0;
        }
    }

    @Command(
            name = "verify",
            description = "Check an inclusion proof (a .tlog-proof file, from GET /tlog/proof/<eventId>) with no"
                    + " network: the log signed its checkpoint, enough witnesses cosigned it, and its tree holds the"
                    + " entry. Exit 0 included, 1 not.",
            mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "PROOF")
        Path proof;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Policy policy;

        @Option(names = "--event-id", description = "the event the proof must be of")
        String eventId;

        @Override
        public Integer call() throws IOException {
            try {
                TlogProof parsed = TlogProof.parse(Files.readString(proof, StandardCharsets.UTF_8));
                if (parsed.extra() == null) {
                    throw new ProofException("the proof carries no log leaf as its extra data");
                }
                Checkpoint checkpoint = parsed.verify(policy.policy(), parsed.extra());
                LogLeaf leaf = LogLeaf.decode(parsed.extra());
                if (leaf.seq() != parsed.index() + 1) {
                    throw new ProofException("the leaf of seq " + leaf.seq() + " is not at index " + parsed.index());
                }
                if (eventId != null
                        && !Arrays.equals(
                                leaf.digest(),
                                dev.custodyledger.core.event.EventId.parse(eventId)
                                        .hash())) {
                    throw new ProofException("the proof is of another event");
                }
                System.out.println("INCLUDED");
                System.out.println("seq        " + leaf.seq());
                System.out.println("digest     " + HexFormat.of().formatHex(leaf.digest()));
                System.out.println("event      " + (leaf.type() == null ? "(did not decode)" : leaf.type()));
                System.out.println("outcome    " + (leaf.code() == null ? "accepted" : "rejected " + leaf.code()));
                System.out.println("checkpoint " + checkpoint.origin() + " size " + checkpoint.size());
                return 0;
            } catch (ProofException | IllegalArgumentException e) {
                System.out.println("NOT INCLUDED: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "consistency",
            description = "Check that the newer of two checkpoints extends the older: both signed per the policy,"
                    + " and the consistency proof (a file of base64 lines, or fetched from --ledger) holds. Exit 0"
                    + " consistent, 1 not: a fork or a rewritten history.",
            mixinStandardHelpOptions = true)
    static final class Consistency implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLDER")
        Path older;

        @Parameters(index = "1", paramLabel = "NEWER")
        Path newer;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Policy policy;

        @Option(names = "--proof", description = "the proof, one base64 hash per line")
        Path proofFile;

        @Option(names = "--ledger", defaultValue = "${CUSTODY_LEDGER_URL:-http://127.0.0.1:8081}")
        String ledger;

        @Override
        public Integer call() throws IOException, InterruptedException {
            try {
                Checkpoint old =
                        policy.policy().check(SignedNote.parse(Files.readString(older, StandardCharsets.UTF_8)));
                Checkpoint now =
                        policy.policy().check(SignedNote.parse(Files.readString(newer, StandardCharsets.UTF_8)));
                if (old.size() > now.size()) {
                    throw new ProofException("the newer checkpoint is smaller than the older: a rollback");
                }
                String lines = proofFile != null
                        ? Files.readString(proofFile, StandardCharsets.UTF_8)
                        : old.size() == 0 || old.size() == now.size()
                                ? ""
                                : new String(
                                        Http.get(
                                                ledger + "/tlog/proof/consistency?from=" + old.size() + "&to="
                                                        + now.size(),
                                                "text/plain"),
                                        StandardCharsets.UTF_8);
                List<byte[]> proof = lines.lines()
                        .filter(l -> !l.isBlank())
                        .map(Base64.getDecoder()::decode)
                        .toList();
                if (old.size() == 0) {
                    System.out.println("CONSISTENT (the older checkpoint is of the empty tree)");
                    return 0;
                }
                MerkleTree.verifyConsistency(old.size(), now.size(), old.root(), now.root(), proof);
                System.out.println("CONSISTENT " + old.size() + " -> " + now.size());
                return 0;
            } catch (ProofException | IllegalArgumentException e) {
                System.out.println("NOT CONSISTENT: " + e.getMessage());
                return 1;
            }
        }
    }
}
