package dev.custodyledger.ledger.query;

import dev.custodyledger.fold.Head;
import dev.custodyledger.fold.LedgerView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/ledger/head")
public class LedgerHeadResource {
    private final LedgerView fold;

    LedgerHeadResource(LedgerView fold) {
        this.fold = fold;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last folded sequence number, its record time, and the state digest that auditors compare")
    public Head head() {
        return fold.head();
    }
}
