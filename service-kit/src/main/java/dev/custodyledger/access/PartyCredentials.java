package dev.custodyledger.access;

import dev.custodyledger.core.credential.CredentialException;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.fold.NotCurrentException;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import java.time.Instant;

/**
 * The party credential check every service makes on its own, with no call to another service: the operator's
 * signature and the token's validity, then the registry as this service folded it (an unknown or suspended
 * party's credential no longer works). While the fold is not current (starting, or refolding after a restore)
 * it answers 503 rather than judge by an older registry.
 */
public final class PartyCredentials {
    private PartyCredentials() {}

    /** The party a {@code Bearer} credential names; a 401 or 403 problem otherwise. */
    public static PartyState authenticate(String authorization, LedgerView registry, Instant now) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw unauthenticated(
                    "this request needs a party credential: Authorization: Bearer <token from the operator>");
        }
        PartyCredential credential;
        try {
            credential = PartyCredential.verify(
                    authorization.substring(7).strip(), registry.anchor().key(), now);
        } catch (CredentialException e) {
            throw unauthenticated(e.getMessage());
        }
        PartyState party;
        try {
            party = registry.readCurrent(state -> state.party(credential.party()));
        } catch (NotCurrentException e) {
            throw new ProblemException(Problem.of(
                    ProblemCode.CATCHING_UP, "this service is catching up with the ledger; retry in a moment"));
        }
        if (party == null || party.suspended()) {
            throw new ProblemException(Problem.of(
                    ProblemCode.CREDENTIAL_REVOKED,
                    "party " + credential.party() + " is not registered or is suspended"));
        }
        return party;
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.of(ProblemCode.UNAUTHENTICATED, detail));
    }
}
