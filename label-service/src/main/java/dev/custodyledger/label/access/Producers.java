package dev.custodyledger.label.access;

import dev.custodyledger.access.PartyCredentials;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Who may use label-service: a registered, unsuspended producer, by its party credential. */
@ApplicationScoped
public class Producers {
    private final LedgerView fold;

    Producers(LedgerView fold) {
        this.fold = fold;
    }

    /** The producer an {@code Authorization} header names; a 401 or 403 problem otherwise. */
    public PartyState authenticate(String authorization) {
        PartyState party = PartyCredentials.authenticate(authorization, fold, Instant.now());
        if (!party.has(Role.PRODUCER)) {
            throw new ProblemException(
                    ProblemCode.ROLE_NOT_ALLOWED,
                    "party " + party.id() + " is not a producer; only producers print labels");
        }
        return party;
    }
}
