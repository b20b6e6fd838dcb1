package dev.custodyledger.fold;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every folding service's head, so that an auditor compares each service's fold with the others and its own. */
@Path("/v1/ledger/head")
public class HeadResource {
    private final LedgerView fold;

    HeadResource(LedgerView fold) {
        this.fold = fold;
    }

    @GET
    @NonBlocking // the head is a published value, never a wait on the fold: the event loop answers it
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "This service's own fold: the last folded seq, its record time, and the state digest that"
                    + " auditors compare across services and with their own replay")
    public Head head() {
        return fold.head();
    }
}
