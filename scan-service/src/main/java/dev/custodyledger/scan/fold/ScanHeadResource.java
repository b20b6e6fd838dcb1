package dev.custodyledger.scan.fold;

import dev.custodyledger.fold.Head;
import dev.custodyledger.fold.LedgerView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/ledger/head")
public class ScanHeadResource {
    private final LedgerView fold;

    ScanHeadResource(LedgerView fold) {
        this.fold = fold;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "scan-service's own fold: last seq, record time and the state digest auditors compare with"
                    + " ledger-service's and their own replay")
    public Head head() {
        return fold.head();
    }
}
