package dev.custodyledger.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The registry of parties and keys, as folded from the ledger. */
@Path("/v1/parties")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PartyResource {
    private final LedgerView fold;

    PartyResource(LedgerView fold) {
        this.fold = fold;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(
            String id,
            String name,
            List<String> roles,
            List<String> companyPrefixes,
            String gln,
            String city,
            String country,
            long registeredSeq,
            boolean suspended,
            List<KeyView> keys) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(
            String keyId,
            String purpose,
            String publicKey,
            long validFromSeq,
            Long revokedAtSeq,
            String revocationReason) {}

    @GET
    @Operation(summary = "Every registered party")
    public List<PartyView> parties() {
        return fold.read(
                state -> state.parties().stream().map(p -> view(p, null)).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A party with its keys and their validity in ledger positions")
    public PartyView party(@PathParam("id") String id) {
        PartyId partyId;
        try {
            partyId = PartyId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
        return fold.read(state -> {
            PartyState p = state.party(partyId);
            if (p == null) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "party " + id + " is not registered");
            }
            return view(p, keysOf(state, partyId));
        });
    }

    private static List<KeyView> keysOf(CustodyState state, PartyId party) {
        return state.keys().stream()
                .filter(k -> k.party().equals(party))
                .map(PartyResource::key)
                .toList();
    }

    private static KeyView key(KeyState k) {
        return new KeyView(
                k.keyId().value(),
                k.purpose().wire(),
                k.publicKey().base64Url(),
                k.addedSeq(),
                k.revoked() ? k.revokedSeq() : null,
                k.revocationReason());
    }

    private static PartyView view(PartyState p, List<KeyView> keys) {
        var profile = p.profile();
        return new PartyView(
                p.id().value(),
                profile.name(),
                profile.roles().stream().map(Role::wire).toList(),
                profile.companyPrefixes().stream().map(Object::toString).toList(),
                profile.gln() == null ? null : profile.gln().value(),
                profile.location() == null ? null : profile.location().city(),
                profile.location() == null ? null : profile.location().country(),
                p.registeredSeq(),
                p.suspended(),
                keys);
    }
}
