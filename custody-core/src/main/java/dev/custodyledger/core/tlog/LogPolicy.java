package dev.custodyledger.core.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Whom a checker trusts for a log: the log's own key (named by its origin), the witnesses' cosignature keys, and
 * how many of those must have cosigned a checkpoint before it is believed.
 */
public record LogPolicy(NoteKey log, List<NoteKey> witnesses, int quorum) {
    public LogPolicy {
        if (log.type() != NoteKey.ED25519) {
            throw new IllegalArgumentException("a log key signs Ed25519 notes (type 0x01)");
        }
        witnesses = List.copyOf(witnesses);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("a quorum is between 0 and the number of witnesses");
        }
    }

    /**
     * The checkpoint of {@code note}, checked top to bottom: the log's key signed it; every signature by a trusted
     * key verifies; at least {@link #quorum} witnesses cosigned; it names the log's origin.
     *
     * @throws ProofException naming the first check that failed
     */
    public Checkpoint check(SignedNote note) throws ProofException {
        if (note.signatures().stream().noneMatch(s -> s.by(log))) {
            throw new ProofException("the checkpoint is not signed by the log key " + log.name());
        }
        List<NoteKey> trusted = new ArrayList<>(witnesses);
        trusted.add(log);
        long cosigned =
                note.verify(trusted).stream().filter(witnesses::contains).count();
        if (cosigned < quorum) {
            throw new ProofException("the checkpoint has " + cosigned + " of the " + quorum + " cosignatures needed");
        }
        Checkpoint body = Checkpoint.parse(note.text());
        if (!body.origin().equals(log.name())) {
            throw new ProofException("the checkpoint is of " + body.origin() + ", not of the log " + log.name());
        }
        return body;
    }
}
